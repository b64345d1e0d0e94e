import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
// The real stylesheet, so layout, focus rings and colour contrast are what users get.
import '../styles.css';

afterEach(() => {
  cleanup();
  document.documentElement.removeAttribute('data-theme');
});
