// The official Appwrite server SDK against this service: create a user, label it, find it by label.
// Run from the repository root, with the service started and API_KEY exported (see the README):
//   node examples/node-appwrite.mjs
// APPWRITE_ENDPOINT (default http://localhost:3000/v1) and APPWRITE_PROJECT (default "default") point it elsewhere.
import { Client, ID, Query, Users } from 'node-appwrite';

const client = new Client()
  .setEndpoint(process.env.APPWRITE_ENDPOINT ?? 'http://localhost:3000/v1')
  .setProject(process.env.APPWRITE_PROJECT ?? 'default')
  .setKey(process.env.API_KEY ?? '');
const users = new Users(client);

// An address of its own on every run, so the example never collides with an earlier user (409).
const grace = await users.create({
  userId: ID.unique(),
  email: `grace.${Date.now()}@example.com`,
  password: 'correct horse battery staple',
  name: 'Grace Hopper',
});
await users.updateLabels({ userId: grace.$id, labels: ['vip'] });
const vips = await users.list({ queries: [Query.contains('labels', ['vip']), Query.limit(25)] });

console.log(`created ${grace.name} <${grace.email}> as ${grace.$id}`);
console.log(`users labelled vip: ${vips.total} (${vips.users.map((user) => user.email).join(', ')})`);
