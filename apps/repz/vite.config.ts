import { defineAppViteConfig } from '@alawein/app-kit/vite';

export default defineAppViteConfig({ app: 'repz', port: 5176, root: import.meta.dirname });
