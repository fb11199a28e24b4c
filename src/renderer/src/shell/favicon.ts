// The tab icon (the brand mark), set from code so the browser never asks the host for /favicon.ico.
const svg =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">' +
  '<rect width="24" height="24" rx="6" fill="#0b7285"/>' +
  '<g fill="#fff"><path d="M6.2 5h2.6l-1.7 14H4.5z"/><path d="M11.2 5h2.6l-1.7 14H9.5z" opacity=".8"/>' +
  '<path d="M16.2 5h2.6l-1.7 14h-2.6z" opacity=".65"/></g></svg>';

export function installFavicon(): void {
  if (document.querySelector('link[rel="icon"]')) return;
  const link = document.createElement('link');
  link.rel = 'icon';
  link.type = 'image/svg+xml';
  link.href = `data:image/svg+xml,${encodeURIComponent(svg)}`;
  document.head.append(link);
}
