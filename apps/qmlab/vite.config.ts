import { defineAppViteConfig } from '@alawein/app-kit/vite';

export default defineAppViteConfig({ app: 'qmlab', port: 5180, root: import.meta.dirname });
