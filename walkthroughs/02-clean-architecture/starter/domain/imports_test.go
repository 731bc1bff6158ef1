package domain_test

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The domain must not know how it is served or stored. go list checks the
// dependency rule between this module's layers; this test also keeps
// transport and storage packages of the standard library out.
func TestDomainHasNoInfrastructureImports(t *testing.T) {
	forbidden := []string{"net/http", "database/sql", "encoding/json"}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatalf("parse %s: %v", name, err)
		}
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			for _, bad := range forbidden {
				if path == bad || strings.HasPrefix(path, bad+"/") {
					t.Errorf("%s: domain imports %q; keep transport and storage in interface/ and infra/", fset.Position(imp.Pos()), path)
				}
			}
		}
	}
}
