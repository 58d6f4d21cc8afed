extension French {
  static let pages: [String: String] = [
    "Skip to content": "Aller au contenu",
    "{1} of {2} records match the filter.": "{1} fiches sur {2} correspondent au filtre.",
    "Pages of rows": "Pages de lignes",
    "Rows {1}–{2} of {3}": "Lignes {1} à {2} sur {3}",
    "Previous rows": "Lignes précédentes",
    "Next rows": "Lignes suivantes",
    "record last changed in commit {1}, {2}": "fiche modifiée en dernier au commit {1}, {2}",
    "{1}: this record as last changed in commit {2} of {3}. Written by adminledger site; every figure is computed from the ledger's records and history.":
      "{1} : cette fiche telle que modifiée en dernier dans le commit {2} du {3}. Écrit par adminledger site ; chaque chiffre est calculé à partir des fiches et de l'historique du registre.",
  ]
}
