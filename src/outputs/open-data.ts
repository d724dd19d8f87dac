/** The open-data export: the whole corpus as JSON, every URL a site path including the base. */
import type { SiteModel } from '../model/model';
import type { paths } from './urls';

type Urls = ReturnType<typeof paths>;

/** The text of a rendered HTML fragment: tags dropped, the few entities markdown writes decoded. */
export function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(
      /&(amp|lt|gt|quot|#39);/g,
      (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!,
    )
    .replace(/\s+/g, ' ')
    .trim();
}

/** Builds `data/commentaries.json` from the site model. */
export function openData(site: SiteModel, urls: Urls) {
  return {
    analyses: site.analyses.map((a) => ({
      id: a.id,
      title: a.title,
      url: urls.analysis(a.id),
      published: a.published.iso,
      source: a.source,
      /** The editors' takeaways, in their own words; empty when the analysis has none. */
      takeaways: a.takeaways ?? [],
      commentaries: a.commentaries.map((c) => c.id),
      /** The introduction as plain text, a paragraph per line. */
      introduction: a.intro
        .map((b) => (b.kind === 'passage' ? b.text : plainText(b.html)))
        .filter((t) => t !== '')
        .join('\n'),
    })),
    experts: site.experts.map((e) => ({
      id: e.id,
      name: e.name,
      affiliation: e.affiliation,
      url: urls.expert(e.id),
    })),
    themes: site.themes.map((t) => ({ id: t.id, title: t.title, url: urls.theme(t.id), terms: t.terms })),
    commentaries: site.commentaries.map((c) => ({
      id: c.id,
      analysis: c.analysis,
      expert: c.expert,
      question: c.question,
      order: c.order,
      /** The editors' one-sentence bottom line, in their own words; null when the commentary has none. */
      bottomLine: c.bottomLine ?? null,
      url: urls.commentary(c.id),
      themes: c.themes,
      passages: c.passages.map((p) => ({
        id: p.id,
        url: urls.passage(c.id, p.id),
        themes: p.themes,
        text: p.text,
      })),
    })),
  };
}
