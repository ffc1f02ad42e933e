/**
 * The words of « Mes documents » (issue #17), French first, English alongside: typed so that both
 * languages have the same keys. Kept beside the feature; the kind's labels join the dictionary's
 * (kind-labels.ts) so every place that names a kind names this one too.
 */
import type { ImportProblem } from '../../../electron/shared/documents/model'

/** How many annotations each re-anchoring status holds after a new version (the engine's report counts). */
export interface AnchorCounts {
  readonly anchored: number
  readonly moved: number
  readonly fuzzy: number
  readonly orphan: number
}
/** French takes the singular for 0 and 1 (« 0 passage introuvable »), English for 1 only. */
const pluralFr = (n: number, one: string, many: string): string => `${n} ${n < 2 ? one : many}`
const pluralEn = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`

export const documentsFr = {
  kind: 'Mes documents',
  kindSingular: 'Mon document',
  add: 'Ajouter des documents…',
  addHint: 'Markdown, texte, page web (HTML), DOCX, ODT, EPUB ou PDF avec du texte ; ou déposez les fichiers sur la fenêtre.',
  importing: 'Import en cours…',
  progress: (done: number, total: number, current: string | null, page: { n: number; of: number } | null): string =>
    current === null ? `${done} sur ${total}` : `Fichier ${done + 1} sur ${total} : ${current}${page ? `, page ${page.n} sur ${page.of}` : ''}`,
  cancelImport: 'Annuler',
  dropHere: 'Déposez vos fichiers pour les ajouter à « Mes documents »',
  imported: (n: number): string => (n === 1 ? 'Un document ajouté.' : `${n} documents ajoutés.`),
  refusedTitle: 'Non importé',
  newVersionTitle: 'Nouvelle version ?',
  open: 'Ouvrir',
  openExisting: 'Ouvrir celui-ci',
  problems: {
    unsupported: 'Format non pris en charge',
    'too-large': 'Fichier trop volumineux',
    corrupt: 'Fichier illisible ou endommagé',
    encrypted: 'PDF protégé par un mot de passe',
    'no-text': 'Aucun texte à afficher (pas de reconnaissance de texte dans les images)',
    duplicate: 'Déjà dans vos documents',
    'new-version': 'Autre version d’un document déjà importé sous ce nom',
    cancelled: 'Import annulé',
    io: 'Lecture impossible',
  } satisfies Record<ImportProblem, string>,
  replace: 'Remplacer par cette version',
  replacing: 'Remplacement…',
  newVersionHere: 'Une nouvelle version de ce fichier est disponible',
  newVersionOf: (title: string): string => `Une nouvelle version de « ${title} » est disponible`,
  newVersionWhy: (name: string, origin: 'import' | 'source'): string => (origin === 'source' ? `${name}, modifié sur votre disque` : `${name}, importé à nouveau`),
  update: 'Mettre à jour',
  updating: 'Mise à jour…',
  updated: (title: string, c: AnchorCounts): string =>
    `« ${title} » est à jour. Annotations : ${c.anchored + c.moved} en place, ${c.fuzzy} à confirmer, ${pluralFr(c.orphan, 'passage introuvable', 'passages introuvables')}.`,
  newVersions: 'Nouvelles versions',
  replaced: (c: AnchorCounts): string =>
    `Remplacé par cette version. Annotations : ${c.anchored + c.moved} en place, ${c.fuzzy} à confirmer, ${pluralFr(c.orphan, 'passage introuvable', 'passages introuvables')}.`,
  importMarkups: (n: number | null): string => (n === null ? 'Importer les surlignages du PDF' : `Importer les surlignages du PDF (${n})`),
  importingMarkups: 'Import des surlignages…',
  markupsDone: (added: number, already: number, notPlaced: number): string =>
    `${pluralFr(added, 'annotation ajoutée', 'annotations ajoutées')}, ${pluralFr(already, 'déjà importée', 'déjà importées')}, ${pluralFr(notPlaced, 'passage non retrouvé', 'passages non retrouvés')}.`,
  markupOutcome: { added: 'ajoutée', already: 'déjà importée', 'not-placed': 'non retrouvée' },
  markupPage: (n: number): string => `p. ${n}`,
  markupNote: 'note sur le document',
  remove: 'Retirer de mes documents',
  removeTitle: (title: string): string => `Retirer « ${title} » de vos documents ?`,
  removeBody:
    'Le fichier importé et sa copie de lecture seront supprimés de Passerelles (le fichier d’origine, sur votre disque, n’est pas touché). Vos surlignages et notes sont gardés : « Mes notes » les montre sous le titre du document et les exporte ; si vous importez à nouveau le même fichier, ils y retrouvent leur place.',
  removeConfirm: 'Retirer',
  cancel: 'Annuler',
  removedDone: (title: string): string => `« ${title} » a été retiré de vos documents ; ses notes sont gardées.`,
  removedSuffix: '(retiré de vos documents)',
}

export type DocumentsStrings = typeof documentsFr

export const documentsEn: DocumentsStrings = {
  kind: 'My documents',
  kindSingular: 'My document',
  add: 'Add documents…',
  addHint: 'Markdown, text, web page (HTML), DOCX, ODT, EPUB or PDF with text; or drop the files on the window.',
  importing: 'Importing…',
  progress: (done, total, current, page) => (current === null ? `${done} of ${total}` : `File ${done + 1} of ${total}: ${current}${page ? `, page ${page.n} of ${page.of}` : ''}`),
  cancelImport: 'Cancel',
  dropHere: 'Drop your files to add them to « My documents »',
  imported: (n) => (n === 1 ? 'One document added.' : `${n} documents added.`),
  refusedTitle: 'Not imported',
  newVersionTitle: 'A new version?',
  open: 'Open',
  openExisting: 'Open that one',
  problems: {
    unsupported: 'Unsupported format',
    'too-large': 'File too large',
    corrupt: 'Unreadable or damaged file',
    encrypted: 'Password-protected PDF',
    'no-text': 'No text to show (no text recognition in images)',
    duplicate: 'Already in your documents',
    'new-version': 'Another version of a document already imported under this name',
    cancelled: 'Import cancelled',
    io: 'Cannot be read',
  },
  replace: 'Replace with this version',
  replacing: 'Replacing…',
  newVersionHere: 'A new version of this file is available',
  newVersionOf: (title) => `A new version of « ${title} » is available`,
  newVersionWhy: (name, origin) => (origin === 'source' ? `${name}, changed on your disk` : `${name}, imported again`),
  update: 'Update',
  updating: 'Updating…',
  updated: (title, c) =>
    `« ${title} » is up to date. Annotations: ${c.anchored + c.moved} in place, ${c.fuzzy} to confirm, ${pluralEn(c.orphan, 'passage not found', 'passages not found')}.`,
  newVersions: 'New versions',
  replaced: (c) =>
    `Replaced with this version. Annotations: ${c.anchored + c.moved} in place, ${c.fuzzy} to confirm, ${pluralEn(c.orphan, 'passage not found', 'passages not found')}.`,
  importMarkups: (n) => (n === null ? 'Import the PDF’s highlights' : `Import the PDF’s highlights (${n})`),
  importingMarkups: 'Importing the highlights…',
  markupsDone: (added, already, notPlaced) =>
    `${pluralEn(added, 'annotation added', 'annotations added')}, ${already} already imported, ${pluralEn(notPlaced, 'passage not found', 'passages not found')}.`,
  markupOutcome: { added: 'added', already: 'already imported', 'not-placed': 'not found' },
  markupPage: (n) => `p. ${n}`,
  markupNote: 'note on the document',
  remove: 'Remove from my documents',
  removeTitle: (title) => `Remove « ${title} » from your documents?`,
  removeBody:
    'The imported file and its reading copy will be deleted from Passerelles (the original file on your disk is not touched). Your highlights and notes are kept: « My notes » lists them under the document’s title and exports them; if you import the same file again, they find their place in it.',
  removeConfirm: 'Remove',
  cancel: 'Cancel',
  removedDone: (title) => `« ${title} » was removed from your documents; its notes are kept.`,
  removedSuffix: '(removed from your documents)',
}
