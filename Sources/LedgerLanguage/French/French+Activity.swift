extension French {
  static let activity: [String: String] = [
    // report activity
    "Activity by month": "Activité par mois",
    "Activity by year": "Activité par année",
    "Activity from {1} to {2}": "Activité du {1} au {2}",
    "Data requests opened, by type": "Demandes sur les données ouvertes, par type",
    "period": "période",
    "accounts_opened": "comptes ouverts",
    "accounts_closed": "comptes fermés",
    "rights_granted": "droits accordés",
    "rights_revoked": "droits retirés",
    "tickets_opened": "tickets ouverts",
    "tickets_closed": "tickets fermés",
    "data_requests": "demandes sur les données",
    "people_trained": "personnes formées",
    "report the activity per month or year, from history: accounts, rights, tickets, data requests, trainings":
      "rapport de l'activité par mois ou par année, d'après l'historique : comptes, droits, tickets, demandes sur les données, formations",
    """
    Counts, per period, the accounts opened and closed, the rights granted and revoked, the
    tickets opened and closed (and per type), the data requests (per request type), the
    trainings held and the people trained (each once per period). The figures come from the
    history: records since removed count, and a change counts in the period it was made (on
    the record's own opened or closed day when the same change wrote it). Days are read as
    --at reads them; without --from and --to, the last twelve whole months.
    """:
      """
    Compte, par période, les comptes ouverts et fermés, les droits accordés et retirés, les
    tickets ouverts et fermés (et par type), les demandes sur les données (par type de
    demande), les formations tenues et les personnes formées (chacune une fois par période).
    Les chiffres viennent de l'historique : les fiches supprimées depuis comptent, et un
    changement compte dans la période où il a été fait (au jour d'ouverture ou de fermeture
    de la fiche elle-même quand le même changement l'a écrit). Les jours se lisent comme pour
    --at ; sans --from ni --to, les douze derniers mois entiers.
    """,
    "one row per month (the default) or per year": "une ligne par mois (par défaut) ou par année",
    "the activity of 2026, month by month": "l'activité de 2026, mois par mois",
    "the first day counted (default: twelve months before --to)":
      "le premier jour compté (par défaut : douze mois avant --to)",
    "the last day counted (default: the end of last month)": "le dernier jour compté (par défaut : la fin du mois dernier)",
    "the last twelve months' totals, for a spreadsheet": "les totaux des douze derniers mois, pour un tableur",
    "--by takes month or year, not '{1}'": "--by prend month ou year, pas « {1} »",
    "--from {1} is after --to {2}": "--from {1} est après --to {2}",
    "give the first day counted, then the last": "donnez le premier jour compté, puis le dernier",
    // the site's activity page
    "Activity of the last twelve months, with charts": "Activité des douze derniers mois, avec graphiques",
    "Counted from the ledger's history: records since removed count, and each change counts in the month it was made.":
      "Compté d'après l'historique du registre : les fiches supprimées depuis comptent, et chaque changement compte dans le mois où il a été fait.",
    "Tickets opened, by month and type": "Tickets ouverts, par mois et par type",
    "Data requests, by month and type": "Demandes sur les données, par mois et par type",
    // ledger.json's approvals
    "a cost of {1} needs the approval of one of: {2}; not of the {3}":
      "un coût de {1} doit être approuvé par l'une de ces fonctions : {2} ; pas par « {3} »",
    "a cost of {1} needs the approval of one of: {2}; people/{3} is none of them":
      "un coût de {1} doit être approuvé par l'une de ces fonctions : {2} ; people/{3} n'en exerce aucune",
    "a cost of {1} needs the approver's name: one of {2}":
      "un coût de {1} demande le nom de qui l'approuve : l'une de ces fonctions : {2}",
    "add --set approval.approver=PERSON": "ajoutez --set approval.approver=PERSONNE",
    "ledger.json's approvals: costs above {1} are approved by a person whose functions (or ledger roles) include one of those":
      "approvals dans ledger.json : les coûts au-dessus de {1} sont approuvés par une personne dont les fonctions (ou les rôles dans le registre) comptent l'une de celles-là",
    // tickets: contract and test
    "contracts/{1} starts on {2}, after the ticket opened ({3})":
      "contracts/{1} commence le {2}, après l'ouverture du ticket ({3})",
    "contracts/{1} ended on {2}, before the ticket opened ({3})":
      "contracts/{1} a pris fin le {2}, avant l'ouverture du ticket ({3})",
    "name the contract in force when the ticket opened, or fix the dates":
      "indiquez le contrat en vigueur à l'ouverture du ticket, ou corrigez les dates",
    "a ticket that is {1} has not been tested yet: {2} is recorded too early":
      "un ticket à l'état {1} n'a pas encore été testé : {2} est enregistré trop tôt",
    "set the status to testing (or in-progress, closed) with the test, or remove {1}":
      "passez le statut à testing (ou in-progress, closed) avec le test, ou retirez {1}",
    "a test result needs the person who tested": "un résultat de test demande la personne qui a testé",
    "add --set tested_by=PERSON": "ajoutez --set tested_by=PERSONNE",
  ]
}
