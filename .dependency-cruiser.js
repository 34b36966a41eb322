/** Architecture rules (CONVENTIONS.md): checked by `npm run lint`. */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'Domain code (aggregates, events, errors) imports no infrastructure, HTTP, Swagger or ORM.',
      severity: 'error',
      from: { path: '^src/[^/]+/domain/' },
      to: {
        path: [
          '/infrastructure/',
          '\\.controller\\.ts$',
          '^src/[^/]+/(commands|queries|workers)/',
          'node_modules/(@nestjs/swagger|typeorm|mysql2|bullmq|ioredis|fastify)/',
        ],
      },
    },
    {
      name: 'libs-are-standalone',
      comment: 'libs/ never import the application.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^src/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(\\.spec\\.ts$|/testing/)' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
