import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import MentionBox from '../src/components/MentionBox.vue';

const members = [
  { userId: 'u-ada', email: 'ada@taskwire.local', displayName: 'Ada Admin' },
  { userId: 'u-max', email: 'max@taskwire.local', displayName: 'Max Member' },
];

describe('MentionBox (component)', () => {
  it('offers members while a handle is typed and inserts the chosen one from the keyboard', async () => {
    const w = mount(MentionBox, { props: { members, modelValue: '', 'onUpdate:modelValue': (v: string) => w.setProps({ modelValue: v }) } });
    const box = w.get('textarea');
    await box.setValue('Please look @m');
    (box.element as HTMLTextAreaElement).setSelectionRange(14, 14);
    await box.trigger('input');
    const options = w.findAll('[role=option]');
    expect(options.map((o) => o.text())).toEqual([expect.stringContaining('Max Member')]);
    expect(box.attributes('aria-expanded')).toBe('true');
    await box.trigger('keydown', { key: 'Enter' });
    expect(w.props('modelValue')).toBe('Please look @max ');
    expect(w.findAll('[role=option]')).toHaveLength(0);
    expect(w.text()).toContain('Will notify: Max Member');
  });

  it('offers nothing inside an email address', async () => {
    const w = mount(MentionBox, { props: { members, modelValue: '' } });
    const box = w.get('textarea');
    await box.setValue('write to ada@m');
    await box.trigger('input');
    expect(w.findAll('[role=option]')).toHaveLength(0);
  });
});
