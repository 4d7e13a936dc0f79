import { describe, expect, it } from 'vitest';
import { bodyParts, decodeMentions, encodeMentions, mentionToken, mentionedIds } from './body.js';

const ADA = { id: 'u-ada', name: 'Ada Lovelace' };
const AD = { id: 'u-ad', name: 'Ada' };

describe('comment bodies', () => {
  it('stores typed mentions of members as id tokens, longest name first', () => {
    const body = encodeMentions('Frage an @Ada Lovelace und @Ada.', [AD, ADA]);
    expect(body).toBe(`Frage an ${mentionToken(ADA.id)} und ${mentionToken(AD.id)}.`);
    expect(mentionedIds(body)).toEqual([ADA.id, AD.id]);
    expect(encodeMentions('@Niemand hier', [ADA])).toBe('@Niemand hier');
  });

  it('splits into text and mentions, never interpreting markup', () => {
    expect(bodyParts(`<b>x</b> ${mentionToken('u1')}!`)).toEqual([
      { text: '<b>x</b> ' },
      { mention: 'u1' },
      { text: '!' },
    ]);
    expect(bodyParts('@[not an id!]')).toEqual([{ text: '@[not an id!]' }]);
  });

  it('turns tokens back into @Name for editing, keeping unknown ones', () => {
    const names = new Map([[ADA.id, ADA.name]]);
    expect(
      decodeMentions(`Hi ${mentionToken(ADA.id)} ${mentionToken('gone')}`, (id) => names.get(id)),
    ).toBe(`Hi @Ada Lovelace ${mentionToken('gone')}`);
  });
});
