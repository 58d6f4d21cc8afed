extension French {
  /// The review site (`site`): navigation, headings, notices, table headings, and the words of
  /// the command about its folder. Column headings shared with the reports are in that part.
  static let site: [String: String] = [
    // MARK: - Frame and navigation
    "Home": "Accueil",
    "Reports": "Rapports",
    "Audit": "Audit",
    "Search": "Recherche",
    "Site": "Site",
    "{1} – {2}": "{1} – {2}",
    "as of commit {1}, {2}": "au commit {1}, {2}",
    "This site shows only what concerns {1}: its people, their accounts and rights, the rights it validated, its trainings and requests. Nothing about anyone else is included.":
      "Ce site ne montre que ce qui concerne {1} : ses personnes, leurs comptes et droits, les droits qu'elle a validés, ses formations et ses demandes. Rien n'y figure sur qui que ce soit d'autre.",
    "Public edition: personal data (email addresses, phone numbers, notes on people) is left out.":
      "Édition publique : les données personnelles (adresses e-mail, numéros de téléphone, notes sur les personnes) sont omises.",
    "{1}, as recorded in commit {2} of {3}. Written by adminledger site; every figure is computed from the ledger's records and history.":
      "{1}, tel qu'enregistré dans le commit {2} du {3}. Écrit par adminledger site ; chaque chiffre est calculé à partir des fiches et de l'historique du registre.",
    "[hidden]": "[masqué]",
    "an administrator": "un administrateur",

    // MARK: - Kinds
    "People": "Personnes",
    "Organizations": "Organisations",
    "Systems": "Systèmes",
    "Payments": "Paiements",
    "Contracts": "Contrats",
    "Erasures": "Effacements",
    "organizations": "organisations",
    "accounts": "comptes",
    "tickets": "tickets",
    "contracts": "contrats",
    "trainings": "formations",
    "duties": "obligations",
    "erasures": "effacements",

    // MARK: - Tables
    "Filter:": "Filtrer :",
    "words to look for": "mots à chercher",
    "None.": "Aucune ligne.",
    "approver": "approbateur",
    "fields": "champs",
    "file": "fichier",
    "kind": "type",
    "line": "ligne",
    "message": "message",
    "recorded by": "enregistré par",
    "roles held": "rôles détenus",
    "rule": "règle",
    "through": "par",

    // MARK: - Home
    "The ledger as recorded in commit {1} of {2} by {3}: “{4}”.":
      "Le registre tel qu'enregistré dans le commit {1} du {2} par {3} : « {4} ».",
    "Records": "Fiches",
    "Validation": "Validation",
    "Every record is valid against its schema and the ledger's rules.":
      "Chaque fiche est valide selon son schéma et les règles du registre.",
    "{1} finding against the schemas and rules:": "{1} constat au regard des schémas et des règles :",
    "{1} findings against the schemas and rules:": "{1} constats au regard des schémas et des règles :",
    "Every consistency check holds.": "Toutes les vérifications de cohérence sont satisfaites.",
    "{1} consistency finding.": "{1} constat de cohérence.",
    "{1} consistency findings.": "{1} constats de cohérence.",
    "The consistency report lists each check.": "Le rapport de cohérence détaille chaque vérification.",
    "Expiring in the next 60 days, and overdue": "Échéances des 60 prochains jours, et retards",
    "Nothing expires in the next 60 days.": "Rien n'arrive à échéance dans les 60 prochains jours.",
    "All {1} expiring items": "Les {1} échéances",
    "Last changes": "Derniers changements",
    "No change recorded.": "Aucun changement enregistré.",
    "and {1} more": "et {1} de plus",

    // MARK: - Kinds and records
    "{1} record.": "{1} fiche.",
    "{1} records.": "{1} fiches.",
    "{1} on {2}": "{1} sur {2}",
    "Fields": "Champs",
    "Refers to": "Fait référence à",
    "Referred to by": "Référencée par",
    "No other record.": "Aucune autre fiche.",
    "History": "Historique",
    "(merge)": "(fusion)",
    "Record created.": "Fiche créée.",
    "Record removed.": "Fiche supprimée.",
    "Who set each field": "Qui a défini chaque champ",
    "No field to explain.": "Aucun champ à expliquer.",
    "[merge, {1}]": "[fusion, {1}]",

    // MARK: - Reports
    "Expiring: temporary rights, contracts, memberships, roles, certificates, domains, backup checks, access reviews":
      "Échéances : droits temporaires, contrats, adhésions, rôles, certificats, domaines, vérifications des sauvegardes, revues des accès",
    "Consistency: the cross-system checks of ledger.json": "Cohérence : les vérifications entre systèmes de ledger.json",
    "Who does what": "Qui fait quoi",
    "Who does what: each mission's tools, procedure, people responsible and partners":
      "Qui fait quoi : les outils, la procédure, les responsables et les partenaires de chaque mission",
    "Rights by function: what people's functions call for and they lack, and rights no function calls for":
      "Droits par fonction : ce que les fonctions des personnes requièrent et qui leur manque, et les droits qu'aucune fonction ne requiert",
    "Annual reports": "Rapports annuels",
    "Access per system": "Accès par système",
    "({1} active right)": "({1} droit actif)",
    "({1} active rights)": "({1} droits actifs)",
    "The annual figures, the consistency checks, access per system and the audit count everyone's records, so a site for one organisation leaves them out.":
      "Les chiffres annuels, les vérifications de cohérence, les accès par système et l'audit portent sur les fiches de tout le monde : un site pour une seule organisation les omet.",
    "The year's figures, read from the ledger as it stood at the end of {1} and from its history.":
      "Les chiffres de l'année, lus dans le registre tel qu'il était à la fin de {1} et dans son historique.",
    "Data requests opened in {1}, by type and status": "Demandes sur les données ouvertes en {1}, par type et statut",
    "People trained in {1}, by organisation": "Personnes formées en {1}, par organisation",
    "Payments made in {1} ({2}), by month and provider": "Paiements effectués en {1} ({2}), par mois et prestataire",

    // MARK: - Audit
    "{1} commit audited: authors against the known administrators, each change against the author's roles as the policy stood, every commit's result against the schemas and rules, every merge against the field-level merge of its parents.":
      "{1} commit audité : les auteurs au regard des administrateurs connus, chaque changement au regard des rôles de son auteur selon la politique d'alors, le résultat de chaque commit au regard des schémas et des règles, chaque fusion au regard de la fusion champ par champ de ses parents.",
    "{1} commits audited: authors against the known administrators, each change against the author's roles as the policy stood, every commit's result against the schemas and rules, every merge against the field-level merge of its parents.":
      "{1} commits audités : les auteurs au regard des administrateurs connus, chaque changement au regard des rôles de son auteur selon la politique d'alors, le résultat de chaque commit au regard des schémas et des règles, chaque fusion au regard de la fusion champ par champ de ses parents.",
    "The audit found nothing.": "L'audit n'a rien relevé.",
    "The audit found {1} thing to look at.": "L'audit a relevé {1} point à examiner.",
    "The audit found {1} things to look at.": "L'audit a relevé {1} points à examiner.",
    "Every commit, year by year": "Tous les commits, année par année",
    "Payment approvals": "Approbations de paiements",
    "No payment approval recorded.": "Aucune approbation de paiement enregistrée.",
    "none recorded on the day": "aucun enregistré ce jour-là",
    "Audit of {1}": "Audit de {1}",
    "no finding": "aucun constat",
    "{1} finding, marked": "{1} constat, signalé",
    "{1} findings, marked": "{1} constats, signalés",
    "{1} commit in {2}, oldest first; {3}.": "{1} commit en {2}, du plus ancien au plus récent ; {3}.",
    "{1} commits in {2}, oldest first; {3}.": "{1} commits en {2}, du plus ancien au plus récent ; {3}.",

    // MARK: - Search
    "Words of a name, title or id:": "Mots d'un nom, d'un titre ou d'un identifiant :",
    "Searching needs script; the tables of each kind list every record.":
      "La recherche a besoin de JavaScript ; les tableaux de chaque type listent toutes les fiches.",

    // MARK: - The command and its folder
    "{1} is a file, not a folder": "{1} est un fichier, pas un dossier",
    "{1} holds files that no site wrote": "{1} contient des fichiers qu'aucun site n'a écrits",
    "it is a file, not a folder; choose an empty or new folder for the site":
      "c'est un fichier, pas un dossier ; choisissez un dossier vide ou nouveau pour le site",
    "it holds files that no site wrote; choose an empty or new folder for the site":
      "il contient des fichiers qu'aucun site n'a écrits ; choisissez un dossier vide ou nouveau pour le site",
    "choose an empty or new folder for the site; a folder holding a site written before is replaced":
      "choisissez un dossier vide ou nouveau pour le site ; un dossier contenant un site écrit auparavant est remplacé",
    "Reading the ledger, its history and its audit...": "Lecture du registre, de son historique et de son audit...",
    "Writing pages": "Écriture des pages",
  ]
}
