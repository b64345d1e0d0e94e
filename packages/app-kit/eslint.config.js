import react from '@alawein/eslint-config/react';

export default react;
