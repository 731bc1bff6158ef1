// Turns an SVG string into PNG bytes (base64) in the browser, at twice the size for sharp text.

export async function svgToPngBase64(svg: string, background: string, scale = 2): Promise<string> {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const root = doc.documentElement;
  const viewBox = (root.getAttribute('viewBox') ?? '').split(/[\s,]+/).map(Number);
  const width = Math.ceil(viewBox[2] || parseFloat(root.getAttribute('width') ?? '') || 800);
  const height = Math.ceil(viewBox[3] || parseFloat(root.getAttribute('height') ?? '') || 600);
  // An explicit size: Mermaid's width="100%" means nothing to an <img>.
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.removeAttribute('style');
  const markup = new XMLSerializer().serializeToString(root);
  const url = `data:image/svg+xml;base64,${base64Utf8(markup)}`;
  const image = new Image();
  image.decoding = 'sync';
  await new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('The diagram could not be drawn as an image.'));
    image.src = url;
  });
  const canvas = document.createElement('canvas');
  canvas.width = width * scale;
  canvas.height = height * scale;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('No 2D canvas available.');
  context.fillStyle = background;
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.scale(scale, scale);
  context.drawImage(image, 0, 0, width, height);
  return canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
}

function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
