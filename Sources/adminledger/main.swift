import Foundation
import LedgerCLI

exit(LedgerCLI.run(CommandLine.arguments))
