/**
 * A small site for unit tests: two analyses, three experts, three themes. Only tests import it.
 */
import { parsePartialDate } from '../util/dates.ts';
import { buildModel, type SiteModel } from './model.ts';

/** Builds the fixture site's model. */
export function fixtureSite(): SiteModel {
  return buildModel({
    analyses: [
      {
        id: 'older',
        title: 'An Older Analysis',
        dek: 'What happened in <March>.',
        published: parsePartialDate('2023-03')!,
        source: { name: 'Example Institute', url: 'https://example.com/older' },
        body: 'The introduction of the older piece.',
      },
      {
        id: 'newer',
        title: 'Tariffs & Oil: A Newer Analysis',
        dek: 'What happened in May.',
        published: parsePartialDate('2024-05')!,
        source: { name: 'Example Institute', url: 'https://example.com/newer' },
        takeaways: ['Both experts tie oil to tariffs.', 'Prices & tariffs <move> together.'],
        body: 'The introduction of the newer piece.',
      },
    ],
    experts: [
      {
        id: 'ann-bell',
        name: 'Ann Bell',
        givenName: 'Ann',
        familyName: 'Bell',
        affiliation: 'Example Institute',
      },
      {
        id: 'cy-dunn',
        name: 'Cy Dunn',
        givenName: 'Cy',
        familyName: 'Dunn',
        affiliation: 'Example Institute',
      },
      {
        id: 'eve-fox',
        name: 'Eve Fox',
        givenName: 'Eve',
        familyName: 'Fox',
        affiliation: 'Example Institute',
      },
    ],
    themes: [
      { id: 'energy', title: 'Energy', description: 'Oil and gas.', terms: ['oil'] },
      { id: 'trade', title: 'Trade', description: 'Tariffs.', terms: ['tariff*'] },
      { id: 'unused', title: 'Unused', description: 'Nobody speaks to it.', terms: ['zzz'] },
    ],
    commentaries: [
      {
        id: 'older/ann-bell',
        analysis: 'older',
        expert: 'ann-bell',
        question: 'Was oil the story?',
        order: 1,
        themes: ['energy'],
        body: 'Oil was the story in March.',
      },
      {
        id: 'newer/ann-bell',
        analysis: 'newer',
        expert: 'ann-bell',
        question: 'What about tariffs?',
        order: 1,
        themes: ['trade', 'energy'],
        bottomLine: 'Ann Bell expects oil & gas to <follow> tariffs.',
        body: 'Tariffs rose.\n\nOil followed the tariffs.',
      },
      {
        id: 'newer/cy-dunn',
        analysis: 'newer',
        expert: 'cy-dunn',
        question: 'And oil?',
        order: 2,
        themes: ['energy'],
        body: 'Oil fell & rose.\n\nNothing else moved.',
      },
    ],
  });
}
