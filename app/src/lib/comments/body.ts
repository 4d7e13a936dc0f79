/**
 * Comment bodies are plain text; a mention is stored as the token `@[<user id>]`, so renaming an
 * account renames its mentions, and nothing in a body is ever HTML. The board shows a token as a
 * chip with the member's name.
 */

const MENTION = /@\[([A-Za-z0-9_-]{1,100})\]/g;

/** The stored token of a mention. */
export function mentionToken(userId: string): string {
  return `@[${userId}]`;
}

/** The user ids mentioned in a body, each once. */
export function mentionedIds(body: string): string[] {
  return [...new Set([...body.matchAll(MENTION)].map((match) => match[1] as string))];
}

/** A body split into text and mentions, for rendering (text is rendered as text, escaped). */
export type BodyPart = { text: string } | { mention: string };

export function bodyParts(body: string): BodyPart[] {
  const parts: BodyPart[] = [];
  let last = 0;
  for (const match of body.matchAll(MENTION)) {
    if (match.index > last) parts.push({ text: body.slice(last, match.index) });
    parts.push({ mention: match[1] as string });
    last = match.index + match[0].length;
  }
  if (last < body.length) parts.push({ text: body.slice(last) });
  return parts;
}

/**
 * Turns what the author typed (`@Ada Lovelace`) into stored tokens for the members they picked
 * from the autocomplete, longest names first so `@Ada Lovelace` wins over `@Ada`.
 */
export function encodeMentions(
  typed: string,
  picked: ReadonlyArray<{ id: string; name: string }>,
): string {
  let body = typed;
  for (const member of [...picked].sort((a, b) => b.name.length - a.name.length)) {
    body = body.split(`@${member.name}`).join(mentionToken(member.id));
  }
  return body;
}

/** The other way, to edit a stored body: tokens become `@Name` again. */
export function decodeMentions(
  body: string,
  nameOf: (userId: string) => string | undefined,
): string {
  return body.replace(MENTION, (token, userId: string) => {
    const name = nameOf(userId);
    return name === undefined ? token : `@${name}`;
  });
}
