import { defineAppViteConfig } from '@alawein/app-kit/vite';

export default defineAppViteConfig({ app: 'liveit', port: 5177, root: import.meta.dirname });
