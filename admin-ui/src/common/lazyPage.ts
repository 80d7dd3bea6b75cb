import { lazy, type ComponentType } from 'react';

/**
 * A page loaded with its own chunk when first opened, so a role's first load carries only the
 * pages it starts on (react-admin's Layout shows its loader meanwhile). `name` is the module's
 * named export, so pages keep named exports.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const lazyPage = <M extends Record<K, ComponentType<any>>, K extends keyof M & string>(load: () => Promise<M>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));
