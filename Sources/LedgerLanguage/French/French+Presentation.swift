extension French {
  static let presentation: [String: String] = [
    // Payment approvals, the access report, a partner's view of a right.
    "approved on": "approuvé le",
    "account_status": "statut du compte",
    "{1} on {2} for someone of another organisation": "{1} sur {2} pour une personne d'une autre organisation",
    "{1} on an account this site does not show": "{1} sur un compte que ce site ne montre pas",
    "not shown": "non montré",
    // The charts' axes.
    "type of request": "type de demande",
    "requests opened": "demandes ouvertes",
    "organisation": "organisation",
    "people trained": "personnes formées",
    "month of payment": "mois du paiement",
    "amount paid ({1})": "montant payé ({1})",
    // What changed since the previous review, on a record's page.
    "Changed since your last review": "Modifiée depuis votre dernière revue",
    "(the fields changed are marked).": "(les champs modifiés sont marqués).",
  ]
}
