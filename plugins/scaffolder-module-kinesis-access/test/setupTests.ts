import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';
import { TextDecoder, TextEncoder } from 'node:util';

// Browsers have these; jest's jsdom environment does not (the policy model measures sizes in UTF-8).
Object.assign(globalThis, { TextEncoder, TextDecoder });
// jsdom does not implement scrolling; the scaffolder scrolls to the top on every page change.
window.scrollTo = () => {};

// findBy*/waitFor give up after 1 s by default; a loaded CI machine needs longer.
configure({ asyncUtilTimeout: 10_000 });

// React Router v6 logs "future flag" notices for every test app; they say nothing about these fields.
const warn = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].includes('React Router Future Flag Warning')) return;
  warn(...args);
};
