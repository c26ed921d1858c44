/**
 * Words around people's names, in NL, FR and EN. Used to tell a third party's name ("mijn buurvrouw
 * Maria", "Marc Peeters") from other capitalised words (places, services, months).
 */

/** Relations: a capitalised word right after one of these is a person's name. Lower case. */
export const RELATIONS: readonly string[] = [
  // nl
  'buurman', 'buurvrouw', 'buurjongen', 'buurmeisje', 'zoon', 'dochter', 'broer', 'zus', 'zuster', 'moeder',
  'mama', 'vader', 'papa', 'man', 'vrouw', 'echtgenoot', 'echtgenote', 'partner', 'vriend', 'vriendin',
  'collega', 'neef', 'nicht', 'oom', 'tante', 'nonkel', 'opa', 'oma', 'bompa', 'bomma', 'grootvader',
  'grootmoeder', 'kleinzoon', 'kleindochter', 'schoonmoeder', 'schoonvader', 'schoonzus', 'schoonbroer',
  'kind', 'cliënt', 'client', 'patiënt', 'bewoner', 'kamergenoot', 'huisgenoot', 'medebewoner', 'lotgenoot',
  'ex', 'kennis', 'klasgenoot', 'stiefvader', 'stiefmoeder', 'pleegkind', 'pleegzoon', 'pleegdochter',
  // fr
  'voisin', 'voisine', 'fils', 'fille', 'frère', 'sœur', 'soeur', 'mère', 'maman', 'père', 'mari', 'femme',
  'épouse', 'époux', 'compagnon', 'compagne', 'ami', 'amie', 'copain', 'copine', 'collègue', 'cousin',
  'cousine', 'oncle', 'grand-père', 'grand-mère', 'petit-fils', 'petite-fille', 'beau-père', 'belle-mère',
  'belle-sœur', 'beau-frère', 'enfant', 'patient', 'patiente', 'résident', 'résidente', 'colocataire',
  'camarade', 'bénéficiaire', 'usager',
  // en
  'neighbour', 'neighbor', 'son', 'daughter', 'brother', 'sister', 'mother', 'mum', 'mom', 'father', 'dad',
  'husband', 'wife', 'friend', 'colleague', 'uncle', 'aunt', 'grandfather', 'grandmother', 'grandma',
  'grandpa', 'granddaughter', 'grandson', 'child', 'flatmate', 'roommate', 'housemate', 'stepfather',
  'stepmother', 'carer', 'caregiver',
];

/** Forms of address: the capitalised word after one of these is a name. Lower case, no final dot. */
export const TITLES: readonly string[] = [
  'meneer', 'mijnheer', 'mevrouw', 'juffrouw', 'dhr', 'mevr', 'mr', 'mrs', 'ms', 'miss', 'monsieur',
  'madame', 'mademoiselle', 'mme', 'mlle', 'm', 'sir', 'madam',
];

/**
 * Care professionals: a name right after one of these is the professional's, not a patient's, and is
 * not flagged (the member usually speaks of their own care).
 */
export const PROFESSIONALS: readonly string[] = [
  'dokter', 'dr', 'docteur', 'huisarts', 'arts', 'psychiater', 'psycholoog', 'psychologue', 'psychiatre',
  'médecin', 'doctor', 'professor', 'prof', 'verpleegkundige', 'verpleger', 'infirmier', 'infirmière',
  'nurse', 'therapeut', 'thérapeute', 'therapist', 'kinesist', 'kiné', 'apotheker', 'pharmacien',
  'pharmacist', 'maatschappelijk', 'assistant', 'assistante', 'zorgcoördinator', 'begeleider',
  'coordinator', 'coördinator', 'minister', 'burgemeester', 'bourgmestre', 'mayor', 'schepen', 'échevin',
];

/**
 * Common first names in Belgium (Flemish, Walloon, Brussels, and the largest communities of foreign
 * origin). Names that are also common capitalised words at the start of a sentence (Will, May, Hope,
 * Rose, Roos, Bart?) are left out on purpose; the relation and context rules still find them.
 */
export const FIRST_NAMES: ReadonlySet<string> = new Set(
  `Jan Jef Jos Jozef Joseph Josée Peter Pieter Piet Paul Paula Luc Lucas Lucie Marc Marcel Marleen Martine
  Maria Marie Mia Mieke Marijke Maarten Mathias Matthias Thomas Tom Tim Koen Kris Kristof Christophe
  Christine Christiane Chris Dirk Dries Filip Philippe Frank Franky Freddy Geert Gert Guido Hilde Hugo Ilse
  Inge Ingrid Jasper Jens Joris Karel Karin Katrien Kathleen Leen Lien Lieve Linda Lotte Lore Louis Louise
  Lucien Ludo Magda Mariette Nadia Nathalie Nele Nicole Noor Patrick Rita Rik Robert Roger Ronny Rudi Sam
  Sander Sara Sarah Simon Sofie Sophie Stefan Stefaan Steven Stijn Sven Tine Tinne Tuur Vera Walter Wim
  Wouter Yves Annie Anne Anna Annick Ann An Els Elke Emma Ellen Eva Evelien Femke Greet Griet Hanne Hans
  Herman Hendrik Jean Jeanne Jacques Jacqueline Josiane Michel Michèle Michelle Monique Pierre Pascal
  Pascale Françoise François Francine Isabelle Sylvie Véronique Valérie Catherine Cécile Claude Claudine
  Danielle Daniel Didier Dominique Emile Émile Fabienne Fabrice Georges Gérard Henri Jérôme Julien Laurent
  Laurence Marcelle Martin Maurice Nicolas Olivier Quentin René Sébastien Thierry Vincent Xavier Yvette
  Yvonne Camille Chloé Léa Manon Noah Arthur Jules Victor Louis Hugo Adam Mohamed Mohammed Mehmet Ahmed
  Ali Fatima Fatma Khadija Yasmine Youssef Karim Rachid Said Samira Nadia Amina Aicha Aïcha Hassan Hamza
  Ibrahim Ayoub Bilal Zeynep Emre Murat Ayşe Elif Özlem Hatice Mustafa Yusuf Omar Imane Soufiane Mehdi
  Nordin Jamal Malika Naima Hanane Latifa Zakaria Anas Ilias Rayan Kevin Jonas Robbe Seppe Wout Lars
  Arne Bram Kobe Lukas Milan Senne Ruben Elias Vic Mila Lina Nina Fien Julie Laura Lisa Marte Amber Jana
  Ines Hélène Marion Aurélie Mélanie Stéphanie Jessica Kelly Sandra Sabine Nancy Veerle Ria Jenny Gilbert
  Albert Alfons Frans Gustaaf Gust Jules Maurits Agnes Bertha Germaine Godelieve Irma Jeannine Lisette
  Maggy Simonne Gaston Raymond Roland Marcelline Odette Ghislain Ghislaine Jozefien Mariska Olga Pawel
  Piotr Agnieszka Katarzyna Anna Tomasz Marek Ewa Grace Jean-Pierre Jean-Marie Marie-Claire Anne-Marie
  Jean-Claude Jean-Luc Jean-Paul Marie-Louise Marie-Thérèse Patrice Mbuyi Kabongo Mukendi Ilunga Kalonji
  John James David Michael Sarah Emily Jack Harry George Oliver Charlotte Sophia Olivia Lucy Kate Mary
  Elizabeth Margaret Susan Karen Linda Barbara Steve Mike Dave Paula Peggy Betty Rosa`.split(/\s+/),
);

/**
 * Capitalised words that are not people: places, services, institutions, months, days, languages and
 * illnesses named after a person. Compared in lower case.
 */
export const NOT_NAMES: ReadonlySet<string> = new Set(
  `ik je jij u hij zij ze we wij jullie het de een dit dat die deze er daar hier maar en of want als toen
  nu ook dan wat wie waar hoe omdat sinds na voor met zonder in op bij door om tot van over mijn zijn haar
  onze hun niet geen soms altijd nooit elke iedereen niemand sommige veel weinig
  je tu il elle on nous vous ils elles le la les un une des ce cette ces mais et ou car si quand
  maintenant aussi puis que qui quoi où comment parce depuis après avant avec sans dans sur chez par pour
  mon ma mes son sa ses notre nos leur leurs pas jamais toujours parfois chaque tout tous personne
  i we you he she it they the a an this that these those but and or because if when now also then what
  who where how since after before with without in on at by for my his her our their not no never always
  sometimes every everyone nobody some many
  januari februari maart april mei juni juli augustus september oktober november december
  janvier février mars avril juin juillet août septembre octobre novembre décembre
  january february march may june july august october
  maandag dinsdag woensdag donderdag vrijdag zaterdag zondag lundi mardi mercredi jeudi vendredi samedi
  dimanche monday tuesday wednesday thursday friday saturday sunday
  belgië belgique belgium vlaanderen flandre flanders wallonië wallonie wallonia brussel bruxelles
  brussels antwerpen anvers antwerp gent gand ghent brugge bruges leuven louvain mechelen malines hasselt
  genk kortrijk courtrai oostende ostende aalst namen namur luik liège bergen mons charleroi
  sint-niklaas turnhout roeselare ieper ypres lokeren geel dendermonde vilvoorde halle tienen lier mol
  waregem schaerbeek schaarbeek anderlecht molenbeek etterbeek ixelles elsene uccle ukkel jette
  limburg limbourg henegouwen hainaut luxemburg luxembourg nederland netherlands france frankrijk
  nederlands frans engels duits français anglais néerlandais allemand english dutch french german
  belgisch belge belgian europees européen european marokkaans turks arabisch arabe
  ocmw cpas caw vdab actiris forem riziv inami fedasil kind gezin one uz chu az huis mutualiteit
  mutualité cm solidaris partena helan liberale vlaamse fédération stad gemeente commune ville
  centrum centre center dienst service team zorg care welzijn eerstelijnszone elz stemmen panel bestuur
  raad conseil board whatsapp facebook google teams slack covid corona god allah dieu jezus jésus
  alzheimer parkinson crohn down asperger tourette huntington lyme korsakov hodgkin als
  kerstmis noël christmas pasen pâques easter ramadan`.split(/\s+/),
);
