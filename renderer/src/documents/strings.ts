/**
 * The words of « Mes documents » (issue #17), French first, English alongside: typed so that both
 * languages have the same keys. Kept beside the feature; the kind's labels join the dictionary's
 * (kind-labels.ts) so every place that names a kind names this one too.
 */
import type { ImportProblem } from '../../../electron/shared/documents/model'

export const documentsFr = {
  kind: 'Mes documents',
  kindSingular: 'Mon document',
  add: 'Ajouter des documents…',
  addHint: 'Markdown, texte, page web (HTML), DOCX, ODT, EPUB ou PDF avec du texte ; ou déposez les fichiers sur la fenêtre.',
  importing: 'Import en cours…',
  dropHere: 'Déposez vos fichiers pour les ajouter à « Mes documents »',
  imported: (n: number): string => (n === 1 ? 'Un document ajouté.' : `${n} documents ajoutés.`),
  refusedTitle: 'Non importé',
  open: 'Ouvrir',
  openExisting: 'Ouvrir celui-ci',
  problems: {
    unsupported: 'Format non pris en charge',
    'too-large': 'Fichier trop volumineux',
    corrupt: 'Fichier illisible ou endommagé',
    encrypted: 'PDF protégé par un mot de passe',
    'no-text': 'Aucun texte à afficher (pas de reconnaissance de texte dans les images)',
    duplicate: 'Déjà dans vos documents',
    io: 'Lecture impossible',
  } satisfies Record<ImportProblem, string>,
}

export type DocumentsStrings = typeof documentsFr

export const documentsEn: DocumentsStrings = {
  kind: 'My documents',
  kindSingular: 'My document',
  add: 'Add documents…',
  addHint: 'Markdown, text, web page (HTML), DOCX, ODT, EPUB or PDF with text; or drop the files on the window.',
  importing: 'Importing…',
  dropHere: 'Drop your files to add them to « My documents »',
  imported: (n) => (n === 1 ? 'One document added.' : `${n} documents added.`),
  refusedTitle: 'Not imported',
  open: 'Open',
  openExisting: 'Open that one',
  problems: {
    unsupported: 'Unsupported format',
    'too-large': 'File too large',
    corrupt: 'Unreadable or damaged file',
    encrypted: 'Password-protected PDF',
    'no-text': 'No text to show (no text recognition in images)',
    duplicate: 'Already in your documents',
    io: 'Cannot be read',
  },
}
