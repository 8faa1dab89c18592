import { describe, expect, it } from 'vitest';
import { createIdLoader } from '../src/index.ts';

const id = '0193a000-0000-7000-8000-000000000301';

describe('createIdLoader', () => {
  it('resolves keys that are not strings to null without fetching them', async () => {
    const fetched: string[][] = [];
    const loader = createIdLoader(async (ids) => {
      fetched.push([...ids]);
      return ids.map((rowId) => ({ id: rowId }));
    });
    // An `_entities` representation may carry any JSON as its id, whatever the loader's key type declares.
    const keys = [id, { a: 1 }, 5, 'not-a-uuid'] as unknown as string[];
    expect(await loader.loadMany(keys)).toEqual([{ id }, null, null, null]);
    expect(fetched).toEqual([[id]]);
  });

  it('matches an upper-case id to its row', async () => {
    const loader = createIdLoader(async () => [{ id }]);
    expect(await loader.load(id.toUpperCase())).toEqual({ id });
  });
});
