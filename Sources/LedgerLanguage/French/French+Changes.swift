extension French {
  static let changes: [String: String] = [
    // A commit's page.
    "Commit {1}": "Commit {1}",
    "Author": "Auteur",
    "Date": "Date",
    "Signature": "Signature",
    "does not verify": "ne se vérifie pas",
    "not signed": "non signé",
    "Roles held": "Rôles détenus",
    "Parent": "Parent",
    "Parents": "Parents",
    "Child": "Enfant",
    "Children": "Enfants",
    "none: the ledger's first commit": "aucun : c'est le premier commit du registre",
    "none in the history shown": "aucun dans l'historique montré",
    "Records changed": "Fiches modifiées",
    "No change to the records this site shows.": "Aucun changement des fiches que montre ce site.",
    // Change views.
    "Changes of the last 7 days": "Changements des 7 derniers jours",
    "Changes of the last 30 days": "Changements des 30 derniers jours",
    "Changes of {1}": "Changements de {1}",
    "{1} change to a record, newest first.": "{1} changement de fiche, du plus récent au plus ancien.",
    "{1} changes to records, newest first.": "{1} changements de fiches, du plus récent au plus ancien.",
    "Every change": "Tous les changements",
    "Last 7 days": "7 derniers jours",
    "Last 30 days": "30 derniers jours",
    "({1} commit)": "({1} commit)",
    "({1} commits)": "({1} commits)",
    "By month": "Par mois",
    // site --since.
    "mark what changed since a previous review: a commit, or the end of a day":
      "marquer ce qui a changé depuis une revue précédente : un commit, ou la fin d'un jour",
    "Since your last review": "Depuis votre dernière revue",
    "Your last review saw the ledger as of commit": "Votre dernière revue a vu le registre au commit",
    "No change since.": "Aucun changement depuis.",
    "{1} record changed since.": "{1} fiche modifiée depuis.",
    "{1} records changed since.": "{1} fiches modifiées depuis.",
    "What changed since your last review": "Ce qui a changé depuis votre dernière revue",
    "changed": "modifiée",
    "All {1} records changed": "Les {1} fiches modifiées",
  ]
}
