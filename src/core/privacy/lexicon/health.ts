/**
 * Words that reveal a health detail (GDPR art. 9), in NL, FR and EN, lower case. Members mix languages
 * (Brussels panels are bilingual), so all three lists always apply.
 *
 * STEMS match at the start of a word ("depress" finds depressie, depressief, depression, depressed);
 * WORDS must match a whole word because they are short or a prefix of ordinary words ("ms", "hiv").
 */
export const HEALTH_STEMS: readonly string[] = [
  // somatic illness and treatment
  'diabet', 'diabèt', 'suikerziek', 'kanker', 'cancer', 'tumor', 'tumeur', 'leukemie', 'leucémie', 'leukaemi',
  'leukemi', 'chemo', 'bestraling', 'radiothérap', 'radiotherap', 'dialys', 'nierfalen', 'nierziek',
  'hartaanval', 'hartinfarct', 'infarct', 'hartfalen', 'hartziek', 'heart attack', 'heart failure',
  'beroerte', 'stroke', 'epilep', 'épilep', 'astma', 'asthm', 'longziek', 'reuma', 'rhumat', 'rheumat', 'artrose',
  'arthrose', 'arthritis', 'artritis', 'multiple sclerose', 'sclérose', 'sclerosis', 'parkinson',
  'alzheimer', 'dementie', 'démence', 'dement', 'hepatitis', 'hépatite', 'tuberculos', 'long covid',
  'fibromyalg', 'chronische vermoeidheid', 'fatigue chronique', 'chronic fatigue', 'crohn', 'colitis',
  'migraine', 'obesitas', 'obésité', 'obesity', 'anorex', 'boulimi', 'bulimi', 'eetstoorn',
  'trouble alimentaire', 'troubles alimentaires', 'eating disorder', 'ziek', 'malade', 'maladie', 'illness',
  'terminally ill', 'seriously ill', 'ziekenhuis', 'hôpital', 'hopital', 'hospital', 'gehospitaliseerd',
  'hospitalis', 'medicatie', 'médicament', 'medicament', 'medication', 'medicijn', 'antidepress',
  'slaappil', 'somnifère', 'sleeping pill', 'pijnstill', 'morfine', 'morphin', 'zwanger', 'enceinte',
  'pregnan', 'miskraam', 'fausse couche', 'miscarriage', 'abortus', 'avortement', 'abortion', 'palliati',
  'terminaal', 'phase terminale', 'invaliditeit', 'invalidité', 'arbeidsongeschikt',
  'incapacité de travail', 'operatie', 'geopereerd', 'opéré', 'surgery', 'revalidatie', 'rééducation',
  'rehabilitation', 'incontinen', 'diagnos',
  // mental health
  'depress', 'dépress', 'déprim', 'burn-out', 'burnout', 'angststoorn', 'angstaanval', 'paniekaanval',
  'panic attack', "crise d'angoisse", 'crises d’angoisse', "crises d'angoisse", 'anxiety', 'anxiét',
  'angoisse', 'psychos', 'psychot', 'schizo', 'bipola', 'borderline', 'autis', 'autist', 'asperger',
  'trauma', 'zelfmoord', 'suïcid', 'suicid', 'zelfdoding', 'automutil', 'zelfverwond', 'self-harm',
  'psychiatr', 'dwangstoorn', 'persoonlijkheidsstoorn', 'trouble de la personnalité',
  'personality disorder', 'psychisch ziek', 'psychische problemen', 'psychische kwetsbaar', 'maladie mentale',
  'mental illness', 'mentally ill', 'mental health', 'geestelijke gezondheid', 'santé mentale',
  // addiction
  'verslav', 'verslaafd', 'addict', 'accro', 'alcoholi', 'alcoolique', 'alcoolisme', 'drankprobleem',
  'drinkt te veel', 'drinks too much', 'boit trop', 'drugs', 'drogue', 'cocaïne', 'cocaine', 'heroïne',
  'héroïne', 'heroin', 'cannabis', 'methadon', 'méthadone', 'gokversla', 'jeu pathologique',
  'gambling problem', 'afkick', 'ontwenning', 'rehab', 'désintox', 'sevrage',
  // disability
  'gehandicapt', 'handicap', 'verstandelijke beperking', 'mentale beperking', 'fysieke beperking',
  'rolstoel', 'fauteuil roulant', 'wheelchair', 'blind', 'slechtziend', 'malvoyant', 'doof',
  'sourd', 'deaf', 'downsyndroom', 'syndroom van down', 'trisomie', 'down syndrome', 'syndrome de down',
  'verlamd', 'paralys', 'déficience', 'intellectual disabilit', 'hersenletsel', 'lésion cérébrale',
  'brain injury', 'niet-aangeboren hersenletsel', 'amput',
];

export const HEALTH_WORDS: readonly string[] = [
  'ms', 'hiv', 'séropositif', 'séropositive', 'seropositief', 'hiv-positief', 'hiv-positive', 'vih', 'aids', 'sida', 'copd', 'bpco', 'cva', 'avc', 'adhd', 'tdah', 'ptss', 'ptsd', 'ocd',
  'soa', 'nah', 'ill', 'sick', 'coke', 'stoned', 'dronken', 'ivre', 'drunk', 'ggz',
];

/**
 * Stems that also end Dutch compounds ("longkanker", "nierdialyse", "spierziekte", "jeugddiabetes"), so they
 * match inside a word too. Only stems that no ordinary word contains: not "blind" (verblinden), "dement"
 * (fondement) or "operatie" (coöperatie).
 */
export const COMPOUND_HEADS: readonly string[] = [
  'kanker', 'ziekte', 'diabet', 'dialyse', 'tumor', 'infarct', 'trauma', 'depressie', 'dementie', 'verslav',
  'verslaafd', 'stoornis', 'leukemie', 'astma', 'reuma', 'epilep', 'psychose', 'psychot', 'hepatitis', 'sclerose',
  'parkinson', 'alzheimer', 'migraine', 'handicap', 'medicatie',
];
