import { describe, expect, it } from 'vitest';
import { unappliedBlocks } from './unapplied.ts';

describe('unappliedBlocks', () => {
  it('returns the blocks typed locally that the server does not have', () => {
    expect(
      unappliedBlocks(
        ['Objectifs', 'Réduire le gaspillage.', 'Nouveau paragraphe hors ligne.', 'Calendrier'],
        ['Objectifs', 'Réduire le gaspillage.', 'Calendrier'],
      ),
    ).toEqual(['Nouveau paragraphe hors ligne.']);
  });

  it('shows a block edited in place in its local version', () => {
    expect(
      unappliedBlocks(
        ['Titre', 'Trois ateliers par an, dont un en ligne.', 'Fin'],
        ['Titre', 'Trois ateliers par an.', 'Fin'],
      ),
    ).toEqual(['Trois ateliers par an, dont un en ligne.']);
  });

  it('ignores what others added on the server, blank blocks and trailing spaces', () => {
    expect(
      unappliedBlocks(
        ['Titre', '', 'Texte local  ', 'Fin'],
        ['Titre', 'Ajout d’un partenaire', 'Fin'],
      ),
    ).toEqual(['Texte local']);
  });

  it('keeps duplicates the server has fewer of', () => {
    expect(unappliedBlocks(['À faire', 'À faire', 'À faire'], ['À faire'])).toEqual([
      'À faire',
      'À faire',
    ]);
  });

  it('returns nothing when the refused change added no text', () => {
    expect(
      unappliedBlocks(['Titre', 'Fin'], ['Titre', 'Texte supprimé localement', 'Fin']),
    ).toEqual([]);
  });

  it('falls back to membership on very long texts', () => {
    const server = Array.from({ length: 3000 }, (_, i) => `Paragraphe ${i}`);
    const local = [...server.slice(0, 1500), 'Ajout local', ...server.slice(1500)];
    expect(unappliedBlocks(local, server)).toEqual(['Ajout local']);
  });
});
