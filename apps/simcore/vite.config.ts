import { defineAppViteConfig } from '@alawein/app-kit/vite';

export default defineAppViteConfig({ app: 'simcore', port: 5175, root: import.meta.dirname });
