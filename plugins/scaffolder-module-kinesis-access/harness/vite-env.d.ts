declare module 'virtual:kinesis-access-template-manifest' {
  const manifest: {
    title: string;
    steps: { title: string; schema: import('@backstage/types').JsonObject }[];
  };
  export default manifest;
}
