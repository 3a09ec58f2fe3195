import type { BilingualText } from '#libs/core';
import type { NotificationDraft } from '../notification/notification.service.js';

type Titled = { title: BilingualText };

/** To coordinators: a company asked for an introduction (requested) or someone proposed a seed (proposed). */
export function proposalOpened(
  seed: Titled & { id: string },
  proposalId: string,
  requested: boolean,
): NotificationDraft {
  return {
    kind: requested ? 'introduction-requested' : 'proposal-opened',
    title: requested
      ? {
          ja: `企業がシーズ「${seed.title.ja ?? seed.title.en}」の紹介を希望しています`,
          en: `A company asks for an introduction to “${seed.title.en ?? seed.title.ja}”`,
        }
      : {
          ja: `新しい提案: ${seed.title.ja ?? seed.title.en}`,
          en: `New proposal: ${seed.title.en ?? seed.title.ja}`,
        },
    proposalId,
    seedId: seed.id,
  };
}

/** To the seed's researchers: coordinators introduced a company to them. */
export function introduced(proposal: { id: string; seedId: string }): NotificationDraft {
  return {
    kind: 'introduced',
    title: {
      ja: 'コーディネーターが企業を紹介しました',
      en: 'A coordinator introduced a company to you',
    },
    proposalId: proposal.id,
    seedId: proposal.seedId,
  };
}

/** To coordinators: the matcher filed a proposal for a need. */
export function matcherProposed(need: Titled, proposalId: string, seedId: string): NotificationDraft {
  const title = need.title.ja ?? need.title.en ?? '';
  return {
    kind: 'proposal-opened',
    title: {
      ja: `マッチングが新しい候補を提案しました: ${title}`,
      en: `The matcher proposed a new candidate for: ${need.title.en ?? title}`,
    },
    proposalId,
    seedId,
  };
}

/** To the need's company: the matcher found a new candidate seed. */
export function newCandidate(need: Titled, proposalId: string, seedId: string): NotificationDraft {
  const title = need.title.ja ?? need.title.en ?? '';
  return {
    kind: 'new-candidate',
    title: {
      ja: `ニーズ「${title}」に新しい候補のシーズがあります`,
      en: `A new candidate seed for your need “${need.title.en ?? title}”`,
    },
    proposalId,
    seedId,
  };
}

/** To coordinators: a proposal passed its response target. */
export function overdue(proposal: { id: string; seedId: string; state: string }): NotificationDraft {
  return {
    kind: 'proposal-overdue',
    title: {
      ja: `提案が期限を過ぎています（${proposal.state}）`,
      en: `A proposal is overdue (${proposal.state})`,
    },
    proposalId: proposal.id,
    seedId: proposal.seedId,
  };
}
