import { describe, expect, it } from 'vitest';
import * as keys from '../../model/keys.ts';
import { INDEX, TABLE_DEFINITION, KEY } from '../../model/table.ts';

const task = (over: Partial<keys.TaskIndexFields> = {}): keys.TaskIndexFields => ({
  id: 't1', projectId: 'p1', status: 'TODO', rank: 'a0', assigneeId: null, dueAt: null, sprintId: null, storyId: null, ...over,
});

describe('table definition', () => {
  it('names the generic key attributes and both required GSIs', () => {
    expect(TABLE_DEFINITION.partitionKey).toBe('PK');
    expect(TABLE_DEFINITION.sortKey).toBe('SK');
    const names = TABLE_DEFINITION.indexes.map((i) => i.name);
    expect(names).toEqual(expect.arrayContaining(['byAssignee', 'byStatus']));
    expect(TABLE_DEFINITION.stream).toBe('NEW_AND_OLD_IMAGES');
  });

  it('gives every index its own pair of key attributes', () => {
    const attrs = TABLE_DEFINITION.indexes.flatMap((i) => [i.pk, i.sk]);
    expect(new Set(attrs).size).toBe(attrs.length);
    expect(attrs).not.toContain(KEY.pk);
  });
});

describe('key builders', () => {
  it('keys entities addressed by id in their own partition', () => {
    expect(keys.taskKey('t1')).toEqual({ PK: 'TASK#t1', SK: 'TASK' });
    expect(keys.projectKey('p1')).toEqual({ PK: 'PROJECT#p1', SK: 'PROJECT' });
    expect(keys.storyKey('s1')).toEqual({ PK: 'STORY#s1', SK: 'STORY' });
    expect(keys.sprintKey('s1')).toEqual({ PK: 'SPRINT#s1', SK: 'SPRINT' });
    expect(keys.profileKey('u1')).toEqual({ PK: 'USER#u1', SK: 'PROFILE' });
  });

  it('keeps a task\'s children in the task\'s partition, so deleting or listing them is one Query', () => {
    for (const k of [keys.commentKey('t1', 'c'), keys.attachmentKey('t1', 'a'), keys.timeEntryKey('t1', 'e'), keys.taskActivityKey('t1', 'x')]) {
      expect(k.PK).toBe('TASK#t1');
    }
    const prefixes = [keys.COMMENT_PREFIX, keys.ATTACHMENT_PREFIX, keys.TIME_ENTRY_PREFIX, keys.ACTIVITY_PREFIX];
    expect(new Set(prefixes).size).toBe(prefixes.length);
    expect(keys.commentKey('t1', 'c9').SK.startsWith(keys.COMMENT_PREFIX)).toBe(true);
  });

  it('puts memberships in the project partition and indexes them by user', () => {
    expect(keys.membershipKey('p1', 'u1')).toEqual({ PK: 'PROJECT#p1', SK: 'MEMBER#u1' });
    expect(keys.membershipIndexKeys('u1', 'p1')).toEqual({ GSI4PK: 'USER#u1', GSI4SK: 'PROJECT#p1' });
    expect(keys.userProjectsQuery('u1')).toEqual({ GSI4PK: 'USER#u1', prefix: 'PROJECT#' });
  });

  it('keys a board column per project and status (no hot status partition across projects)', () => {
    const a = keys.taskIndexKeys(task({ projectId: 'p1', status: 'IN_REVIEW', rank: 'm' }));
    const b = keys.taskIndexKeys(task({ projectId: 'p2', status: 'IN_REVIEW', rank: 'm' }));
    expect(a.GSI2PK).toBe('PROJECT#p1#STATUS#IN_REVIEW');
    expect(a.GSI2PK).not.toBe(b.GSI2PK);
    expect(a.GSI2SK).toBe('m');
  });

  it('orders my tasks by status, then due date, with undated tasks last', () => {
    const sk = (status: keys.TaskStatusKey, dueAt: string | null, id: string) =>
      keys.taskIndexKeys(task({ assigneeId: 'u1', status, dueAt, id })).GSI1SK as string;
    const sorted = [
      sk('DONE', '2026-01-01T00:00:00.000Z', 'a'),
      sk('TODO', null, 'b'),
      sk('TODO', '2026-03-01T00:00:00.000Z', 'c'),
      sk('IN_PROGRESS', '2026-01-01T00:00:00.000Z', 'd'),
      sk('TODO', '2026-02-01T00:00:00.000Z', 'e'),
    ].sort();
    expect(sorted.map((s) => s.slice(-1))).toEqual(['e', 'c', 'b', 'd', 'a']);
    expect(sk('TODO', null, 'b').startsWith(keys.assigneeStatusPrefix('TODO'))).toBe(true);
  });

  it('leaves unassigned and story-less tasks out of the sparse indexes', () => {
    const k = keys.taskIndexKeys(task());
    expect(k.GSI1PK).toBeNull();
    expect(k.GSI1SK).toBeNull();
    expect(k.GSI4PK).toBeNull();
    expect(k.GSI3PK).toBe('PROJECT#p1#BACKLOG');
    expect(k.GSI3SK).toBe('a0');
  });

  it('groups a sprint\'s tasks by status and orders each group by rank', () => {
    const k = keys.taskIndexKeys(task({ sprintId: 's1', status: 'IN_PROGRESS', rank: 'k', storyId: 'st' }));
    expect(k.GSI3PK).toBe('SPRINT#s1');
    expect(k.GSI3SK).toBe('IN_PROGRESS#k');
    expect(k.GSI3SK!.startsWith(keys.sprintStatusPrefix('IN_PROGRESS'))).toBe(true);
    expect(k.GSI4PK).toBe('STORY#st');
  });

  it('lists a project\'s sprints by state and its stories under distinct prefixes', () => {
    expect(keys.sprintIndexKeys('p1', 'ACTIVE', 's1')).toEqual({ GSI4PK: 'PROJECT#p1', GSI4SK: 'SPRINT#ACTIVE#s1' });
    expect(keys.projectSprintsQuery('p1', 'ACTIVE').prefix).toBe('SPRINT#ACTIVE#');
    expect(keys.projectSprintsQuery('p1').prefix).toBe('SPRINT#');
    expect(keys.storyIndexKeys('p1', 'x').GSI4SK.startsWith(keys.projectStoriesQuery('p1').prefix)).toBe(true);
  });

  it('scopes attachment objects by project and task', () => {
    expect(keys.attachmentObjectKey('p1', 't1', 'a1')).toBe('projects/p1/tasks/t1/a1');
  });

  it('uses only index attributes the table defines', () => {
    const defined = new Set(TABLE_DEFINITION.indexes.flatMap((i) => [i.pk, i.sk]));
    for (const attr of Object.keys(keys.taskIndexKeys(task()))) expect(defined.has(attr), attr).toBe(true);
    expect(INDEX.byParent.pk).toBe('GSI4PK');
  });
});
