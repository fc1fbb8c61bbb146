import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';
import { TextDecoder, TextEncoder } from 'node:util';
import { deserialize, serialize } from 'node:v8';

// Browsers have these; jest's jsdom environment does not (the policy model measures sizes in UTF-8, and copies a
// grant with structuredClone when it applies a change). Node's v8 serializer is the same structured-clone algorithm.
Object.assign(globalThis, { TextEncoder, TextDecoder });
if (typeof globalThis.structuredClone !== 'function')
  Object.assign(globalThis, { structuredClone: <T>(value: T): T => deserialize(serialize(value)) });
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

// Material UI v4 calls ReactDOM.findDOMNode when a ButtonBase mounts (useIsFocusVisible) or a ListItem mounts (its
// ref), and React 18.3 warns about that once per test file, with a 90-line component stack. Our fields use MUI v4
// buttons and the scaffolder's error list uses MUI v4 list items, so drop exactly that warning: findDOMNode called
// from one of those two @material-ui/core components. Any other findDOMNode call, and every other React warning,
// still prints.
const MUI_V4_FIND_DOM_NODE_STACK =
  /^\s*at [a-z]+\s+at (ButtonBase|ListItem) \([^)\n]*[\\/]@material-ui[\\/]core[\\/]\1[\\/]\1\.js:/;
const error = console.error.bind(console);
console.error = (...args: unknown[]) => {
  if (
    typeof args[0] === 'string' &&
    args[0].startsWith('Warning: findDOMNode is deprecated') &&
    typeof args[1] === 'string' &&
    MUI_V4_FIND_DOM_NODE_STACK.test(args[1])
  )
    return;
  error(...args);
};
