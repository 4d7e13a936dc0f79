import { describe, expect, it } from 'vitest';
import { readContributions } from '../read-contributions.js';
import { chunked, collect } from '../testing/collect.js';
import { decidimProposalStatus, flattenDecidim } from './decidim.js';

const BOM = '\uFEFF';
const URL1 = 'https://decidim.example/processes/p/f/3/proposals/101';
const URL2 = 'https://decidim.example/processes/p/f/3/proposals/102';

// As Decidim::Exporters::CSV writes it: flattened keys, `;`, arrays joined with ", ".
const PROPOSALS_CSV =
  BOM +
  'id;author/id;author/name;author/url;taxonomies/id;taxonomies/name/de;participatory_space/id;participatory_space/url;component/id;title/de;title/en;body/de;body/en;address;latitude;longitude;state;state_published_at;reference;answer/de;answered_at;votes;likes/total_count;comments;attachments;follows_count;published_at;url;meeting_urls;related_proposals;is_amend;original_proposal/title;original_proposal/url;withdrawn;withdrawn_at;created_at;updated_at;created_in_meeting;coauthorships_count;cost;cost_report;execution_period\n' +
  `101;7, 8;Ana, Ben;u1, u2;4;Verkehr;1;s;3;Tempo 30;Speed limit;"<p>Vor der Schule</p><p>Tempo 30, bitte.</p>";School zone;;;;accepted;2024-02-01 10:00:00 UTC;DEC-PROP-2024-02-101;<p>Wird umgesetzt.</p>;2024-02-01 10:00:00 UTC;25;3;4;0;2;2024-01-15 08:30:00 +0100;${URL1};;;false;;;false;;2024-01-15 08:00:00 +0100;2024-02-01 10:00:00 +0100;false;2;;;\n` +
  '\n' +
  `102;9;Cem;u3;;;1;s;3;Nur Titel;;;;;;;evaluating;;DEC-PROP-2024-02-102;;;x;0;0;0;0;2024-01-16 09:00:00 +0100;${URL2};;;false;;;false;;2024-01-16 09:00:00 +0100;;false;1;;;\n` +
  `103;9;Cem;u3;;;1;s;3;Eigener Status;;Text;;;;;custom_state;;DEC-PROP-2024-02-103;;;1;0;0;0;0;2024-01-17 09:00:00 +0100;;;;false;;;false;;;;false;1;;;\n`;

describe('Decidim proposals', () => {
  it('reads the CSV export: locales, HTML bodies, answers, states and counts', async () => {
    const { results } = await collect(
      readContributions(chunked(PROPOSALS_CSV), { fileType: 'csv', locales: ['de', 'en'] }),
    );
    expect(results.map((r) => r.line)).toEqual([2, 4, 5]);
    expect(results[0]!.value).toEqual({
      channel: 'platform',
      sourceSystem: 'decidim',
      sourceRef: URL1,
      receivedAt: '2024-01-15',
      authorKind: 'person',
      pseudonym: 'Ana, Ben',
      authorName: null,
      authorContact: null,
      contactConsent: false,
      cosignerCount: 1,
      subjectRef: null,
      title: 'Tempo 30',
      text: 'Vor der Schule\nTempo 30, bitte.',
      labels: ['Verkehr'],
      sourceUrl: URL1,
      status: { raw: 'accepted', state: 'answered', decision: 'adopted' },
      response: 'Wird umgesetzt.',
      reason: null,
      inReplyTo: null,
      metrics: { supports: 25, comments: 4 },
    });
    // No body and a vote count that is not a number: the row fails on both.
    expect(results[1]!.value).toBeNull();
    expect(results[1]!.issues.map((i) => [i.code, i.field])).toEqual([
      ['invalid_type', 'metrics'],
      ['missing', 'text'],
    ]);
    // A custom state is kept, with a warning; without a URL the reference is used.
    expect(results[2]).toMatchObject({
      value: { sourceRef: 'DEC-PROP-2024-02-103', status: { state: null } },
      issues: [{ code: 'unknown_status', severity: 'warning' }],
    });
  });

  it('reads the JSON export (nested hashes) the same way, with lines of each entry', async () => {
    const json = JSON.stringify(
      [
        {
          id: 101,
          author: { id: [7], name: ['Ana'], url: ['u1'] },
          title: { de: 'Tempo 30', machine_translations: { en: 'Speed 30' } },
          body: { de: 'Vor der Schule' },
          state: 'rejected',
          reference: 'DEC-PROP-2024-02-101',
          answer: { de: 'Nicht zuständig.' },
          votes: 3,
          comments: 1,
          published_at: '2024-01-15T08:30:00.000+01:00',
          url: URL1,
          coauthorships_count: 1,
        },
        {
          id: 104,
          title: { en: 'Only English' },
          body: { en: 'Body in English' },
          state: null,
          reference: 'R-104',
        },
      ],
      null,
      2,
    );
    const { results } = await collect(readContributions(chunked(json, 5), { fileType: 'json' }));
    expect(results.map((r) => r.line)).toEqual([2, 35]);
    expect(results[0]!.value).toMatchObject({
      sourceRef: URL1,
      title: 'Tempo 30',
      text: 'Vor der Schule',
      status: { state: 'answered', decision: 'not_adopted' },
      response: 'Nicht zuständig.',
      pseudonym: 'Ana',
      cosignerCount: 0,
      receivedAt: '2024-01-15',
    });
    expect(results[1]!.value).toMatchObject({
      sourceRef: 'R-104',
      title: 'Only English',
      text: 'Body in English',
      status: null,
      authorKind: 'anonymous',
    });
  });

  it('refuses broken JSON with the entry line, and a file that is not an array', async () => {
    await expect(
      collect(
        readContributions(
          chunked('[\n{"id":1,"body":"x","reference":"a","state":""},\n{"id": 2,,}\n]'),
          { fileType: 'json' },
        ),
      ),
    ).rejects.toMatchObject({ issue: { code: 'unreadable_file', line: 3 } });
    await expect(
      collect(readContributions(chunked('{"id":1}'), { fileType: 'json' })),
    ).rejects.toMatchObject({
      issue: { code: 'unreadable_file' },
    });
  });

  it('maps the states of the default workflow', () => {
    expect(decidimProposalStatus('accepted')).toMatchObject({ decision: 'adopted' });
    expect(decidimProposalStatus('rejected')).toMatchObject({ decision: 'not_adopted' });
    expect(decidimProposalStatus('evaluating')).toMatchObject({
      state: 'in_review',
      decision: null,
    });
    expect(decidimProposalStatus('withdrawn')).toMatchObject({ state: 'new', decision: null });
    expect(decidimProposalStatus('not_answered')).toMatchObject({ state: 'new' });
    expect(decidimProposalStatus('')).toBeNull();
  });

  it('flattens nested hashes and arrays as the CSV exporter does', () => {
    expect(flattenDecidim({ a: { b: 1, c: [1, null, 2] }, d: null, e: true })).toEqual({
      'a/b': '1',
      'a/c': '1, 2',
      d: '',
      e: 'true',
    });
  });
});

describe('Decidim comments', () => {
  const COMMENTS_CSV =
    'id;created_at;body;locale;author/id;author/name;alignment;depth;user_group/id;user_group/name;commentable_id;commentable_type;root_commentable_url\n' +
    `501;2024-01-20 10:00:00 +0100;"Gute Idee!\nUnbedingt.";de;7;Ana;1;0;;;101;Decidim::Proposals::Proposal;${URL1}\n` +
    `502;2024-01-21 10:00:00 +0100;Sehe ich anders;de;8;Ben;-1;1;3;Initiative Süd;501;Decidim::Comments::Comment;${URL1}\n` +
    `503;2024-01-22;;de;9;Cem;0;0;;;101;Decidim::Proposals::Proposal;${URL1}\n`;

  it('reads comments and links replies to the comment or the proposal', async () => {
    const { results } = await collect(
      readContributions(chunked(COMMENTS_CSV), { fileType: 'csv' }),
    );
    expect(results[0]!.value).toMatchObject({
      sourceRef: `${URL1}#comment_501`,
      inReplyTo: URL1,
      text: 'Gute Idee!\nUnbedingt.',
      pseudonym: 'Ana',
      authorKind: 'person',
      receivedAt: '2024-01-20',
      sourceUrl: `${URL1}?commentId=501#comment_501`,
    });
    expect(results[1]!.value).toMatchObject({
      sourceRef: `${URL1}#comment_502`,
      inReplyTo: `${URL1}#comment_501`,
      authorKind: 'organisation',
      pseudonym: 'Initiative Süd',
    });
    expect(results[2]).toMatchObject({
      line: 5,
      value: null,
      issues: [{ code: 'missing', field: 'text' }],
    });
  });

  it('reads the comments JSON export', async () => {
    const json = JSON.stringify([
      {
        id: 601,
        created_at: '2024-01-20T10:00:00.000+01:00',
        body: { de: 'Per JSON' },
        author: { id: 1, name: 'Dora' },
        alignment: 0,
        depth: 0,
        commentable_id: 102,
        commentable_type: 'Decidim::Proposals::Proposal',
        root_commentable_url: URL2,
      },
    ]);
    const { values, issues } = await collect(
      readContributions(chunked(json, 64), { fileType: 'json' }),
    );
    expect(issues).toEqual([]);
    expect(values).toMatchObject([
      { text: 'Per JSON', inReplyTo: URL2, sourceRef: `${URL2}#comment_601` },
    ]);
  });
});
