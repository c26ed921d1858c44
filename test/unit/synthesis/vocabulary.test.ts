import { describe, expect, it } from 'vitest';
import type { Language } from '../../../src/core/types.js';
import { ConceptMatcher } from '../../../src/synthesis/text/concepts.js';
import { CONCEPTS, VOCABULARY_VERSION } from '../../../src/synthesis/vocabulary/index.js';

const matcher = new ConceptMatcher();
const LANGS: Language[] = ['nl', 'fr', 'en'];

/** Concept keys found in a text, strongest first. */
function found(text: string, language: Language): string[] {
  const scores = new Float64Array(CONCEPTS.length);
  matcher.score(text, language, scores);
  return [...scores.keys()].filter((i) => scores[i]! > 0).sort((a, b) => scores[b]! - scores[a]!).map((i) => CONCEPTS[i]!.key);
}

const topTopic = (text: string, language: Language) => found(text, language).find((key) => CONCEPTS.find((c) => c.key === key)!.kind === 'topic');

// One everyday sentence per topic and language, written apart from the fixtures.
const TOPICS: Record<string, Record<Language, string>> = {
  waiting: { nl: 'Voor de kinderpsychiater staan we op een wachtlijst van een jaar.', fr: "Mon fils est sur une liste d'attente pour un centre de jour depuis deux ans.", en: 'The waiting list for a hearing test is ten months long.' },
  cost: { nl: 'Het remgeld bij de kinesist loopt op tot meer dan ik kan betalen.', fr: 'Le ticket modérateur chez le kiné coûte trop cher pour moi.', en: 'The bill from the dentist was more than I can afford.' },
  information: { nl: 'Ik vind nergens informatie over welke premies ik kan aanvragen.', fr: 'Je ne trouve aucune information sur mes droits à la mutuelle.', en: 'I could not find information about the allowances I am entitled to.' },
  respite: { nl: 'Als mantelzorger van mijn zoon heb ik nood aan respijtzorg.', fr: "Comme aidante proche de mon mari, je n'ai jamais de répit.", en: 'As a carer for my mother I never get respite.' },
  transport: { nl: 'Er rijdt geen bus naar het revalidatiecentrum en een taxi is te duur.', fr: "Il n'y a pas de bus vers le centre de revalidation, je dois prendre un taxi.", en: 'There is no bus to the rehabilitation centre, so I take a taxi.' },
  language: { nl: 'De arts sprak geen Frans en er was geen tolk.', fr: "Il n'y avait pas d'interprète et le médecin ne parlait que néerlandais.", en: 'There was no interpreter and the nurse spoke only Dutch.' },
  loneliness: { nl: 'Sinds mijn scheiding voel ik me eenzaam en heb ik geen sociaal contact meer.', fr: 'Je souffre de solitude depuis que mes enfants sont partis.', en: 'I feel lonely since my children moved away.' },
  trust: { nl: 'Ik heb geen vertrouwen meer in de dokter sinds hij mij niet serieus nam.', fr: "Je n'ai plus confiance dans mon médecin, il ne m'écoute pas.", en: 'I do not trust my doctor anymore because she never listens.' },
  housing: { nl: 'Mijn huurwoning heeft schimmel en de huisbaas reageert niet.', fr: 'Mon logement est humide et le propriétaire ne fait rien.', en: 'Our flat has damp and mould and the landlord does nothing.' },
  medication: { nl: 'Ik begrijp niet wanneer ik welke medicatie moet nemen.', fr: 'Je ne comprends pas quand prendre quels médicaments.', en: 'I do not understand when to take which medication.' },
  coordination: { nl: 'Mijn huisarts en de specialist hebben geen gedeeld dossier.', fr: "Il n'y a aucune coordination entre l'hôpital et mon médecin.", en: 'There is no coordination between the hospital and my GP.' },
  accessibility: { nl: 'De praktijk is niet toegankelijk: er zijn trappen en geen lift.', fr: "Le cabinet n'est pas accessible, il y a des escaliers et pas d'ascenseur.", en: 'The practice is not accessible: there are stairs and no lift.' },
  digital: { nl: 'Afspraken maken kan alleen nog online of via een app.', fr: "On ne peut plus prendre rendez-vous qu'en ligne ou par une application.", en: 'You can only book online or through an app.' },
  home_care: { nl: 'De thuisverpleging komt elke dag op een ander uur.', fr: "Les soins à domicile changent d'infirmière chaque jour.", en: 'Home care sends a different nurse every day.' },
  aftercare: { nl: 'Na mijn ontslag uit de psychiatrie had ik geen nazorg.', fr: "Après ma sortie de l'hôpital, j'ai fait une rechute.", en: 'After my discharge nobody called and I relapsed.' },
};

// One ask per kind and language, as a member would write it in "what is needed" or "my idea".
const ASKS: Record<string, Record<Language, string>> = {
  single_contact: { nl: 'Eén vast aanspreekpunt voor alles.', fr: 'Un guichet unique pour toutes les démarches.', en: 'A single point of contact for everything.' },
  plain_language: { nl: 'Brieven in gewone taal.', fr: 'Des courriers avec des mots simples.', en: 'Letters in plain language.' },
  volunteers: { nl: 'Vrijwilligers die boodschappen doen.', fr: 'Des bénévoles pour les courses.', en: 'Volunteers who do the shopping.' },
  peer_support: { nl: 'Een praatgroep met lotgenoten.', fr: 'Un groupe de parole entre pairs.', en: 'A peer support group.' },
  follow_up: { nl: 'Een telefoontje na een week.', fr: 'Un suivi régulier par téléphone.', en: 'A follow-up call after a week.' },
  home_visits: { nl: 'Hulp aan huis.', fr: 'Des visites à domicile.', en: 'Help at home.' },
  flexible_hours: { nl: 'Ook open in het weekend.', fr: 'Ouvert aussi le week-end.', en: 'Open at weekends too.' },
  automatic: { nl: 'Dat rechten automatisch toegekend worden.', fr: 'Des droits accordés automatiquement.', en: 'Rights granted automatically.' },
  training: { nl: 'Een opleiding voor onthaalmedewerkers.', fr: "Une formation pour le personnel d'accueil.", en: 'Training for reception staff.' },
  no_advance: { nl: 'De derdebetalersregeling bij elke huisarts.', fr: 'Le tiers payant chez tous les médecins.', en: 'Third-party payment at every GP.' },
  local_places: { nl: 'Meer plaatsen in de dagopvang.', fr: 'Plus de places en centre de jour.', en: 'More places in day care.' },
};

describe('the care-and-welfare vocabulary', () => {
  it('is versioned, and every concept speaks all three languages', () => {
    expect(VOCABULARY_VERSION).toMatch(/topics \d{4}-\d{2}-\d{2}\.\d+, asks \d{4}-\d{2}-\d{2}\.\d+/);
    for (const concept of CONCEPTS) {
      for (const lang of LANGS) {
        expect(concept.terms[lang].core.length, `${concept.key} ${lang}`).toBeGreaterThan(0);
        expect(concept.need[lang].trim(), `${concept.key} ${lang}`).not.toBe('');
        if (concept.kind === 'topic') {
          expect(concept.label?.[lang].trim(), `${concept.key} ${lang}`).toBeTruthy();
          expect(concept.experience?.[lang].trim(), `${concept.key} ${lang}`).toBeTruthy();
        }
      }
    }
    expect(new Set(CONCEPTS.map((c) => c.key)).size).toBe(CONCEPTS.length);
    expect(Object.keys(TOPICS).sort()).toEqual(CONCEPTS.filter((c) => c.kind === 'topic').map((c) => c.key).sort());
    expect(Object.keys(ASKS).sort()).toEqual(CONCEPTS.filter((c) => c.kind === 'ask').map((c) => c.key).sort());
  });

  for (const [key, sentences] of Object.entries(TOPICS)) {
    for (const lang of LANGS) {
      it(`finds the topic ${key} in ${lang}`, () => expect(topTopic(sentences[lang], lang)).toBe(key));
    }
  }

  for (const [key, sentences] of Object.entries(ASKS)) {
    for (const lang of LANGS) {
      it(`finds the ask ${key} in ${lang}`, () => expect(found(sentences[lang], lang)).toContain(key));
    }
  }

  it('splits Dutch compounds into the parts it knows', () => {
    expect(found('De ziekenhuisfactuur was hoog.', 'nl')).toContain('cost');
    expect(found('Er was geen gebarentolk.', 'nl')).toContain('language');
    expect(found('De tolkenpool van de stad.', 'nl')).toContain('language');
    expect(found('De mantelzorgpremie kwam te laat.', 'nl')).toEqual(expect.arrayContaining(['respite', 'information']));
  });

  it('does not take look-alikes for the concept', () => {
    expect(found('Ik kreeg een lijst met namen.', 'nl')).not.toContain('waiting');
    expect(found("La salle d'attente est trop petite.", 'fr')).not.toContain('waiting');
    expect(found('The waiting room is too small.', 'en')).not.toContain('waiting');
    expect(found('De bus rijdt alleen op maandag.', 'nl')).not.toContain('loneliness');
    expect(found('Le bus passe seulement deux fois.', 'fr')).not.toContain('loneliness');
    expect(found('Het ticket voor de trein.', 'nl')).not.toContain('cost');
    // Dutch words are matched only against Dutch terms: "drinken" (coffee) is not English "drinking".
    expect(found('Samen koffie drinken.', 'nl')).not.toContain('language');
    expect(found('Brieven in gewone taal.', 'nl')).not.toContain('language');
  });

  it('ignores missing accents, as members often type them', () => {
    expect(found("Il n'y avait pas d'interprete.", 'fr')).toContain('language');
    expect(found('Les medicaments coutent trop cher.', 'fr')).toEqual(expect.arrayContaining(['medication', 'cost']));
  });
});
