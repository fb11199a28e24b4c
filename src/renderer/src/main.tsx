// Renderer entry point: styles, the grid's modules, then the app with its query cache.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import './styles/tokens.css';
import './styles/base.css';
import './styles/shell.css';
import './styles/areas.css';
import './styles/systems.css';
import './styles/mapping.css';
import './styles/specification.css';
import './styles/sandbox.css';
import { registerGridModules } from './grid/theme';
import { installFavicon } from './shell/favicon';
import { createQueryClient } from './state/query-client';
import { App } from './App';

installFavicon();
registerGridModules();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={createQueryClient()}>
        <App />
      </QueryClientProvider>
    </StrictMode>,
  );
}
