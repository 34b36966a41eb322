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
      name: 'modules-meet-at-index',
      comment:
        'A module imports another module only through its index.ts (or its domain/events), never its insides.',
      severity: 'error',
      from: { path: '^src/([^/]+)/' },
      to: {
        path: '^src/[^/]+/',
        pathNot: ['^src/$1/', '^src/[^/]+/index\\.ts$', '^src/[^/]+/domain/events/'],
      },
    },
    {
      name: 'composition-roots-meet-at-index',
      comment: 'main.ts and the root modules compose modules through their index.ts too.',
      severity: 'error',
      from: { path: '^src/[^/]+\\.ts$' },
      // process/signals is imported for its side effect alone, first thing in main.ts (see there).
      to: { path: '^src/[^/]+/', pathNot: ['^src/[^/]+/index\\.ts$', '^src/process/signals\\.ts$'] },
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
