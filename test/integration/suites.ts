// Every suite that runs inside VS Code. Add a line per new suite file.
import './suites/activation.test';
import './suites/generate.test';
import './suites/tasks.test';
import './suites/preflight.test';
import './suites/walkthroughs.test';
import './suites/toolResolver.test';
import './suites/eventValidation.test';
import './suites/mermaidPreview.test';
