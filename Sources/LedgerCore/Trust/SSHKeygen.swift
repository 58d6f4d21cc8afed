import Foundation
import LedgerLanguage

/// The `ssh-keygen` program, which signs and verifies commits as git does (`gpg.format ssh`):
/// `ssh-keygen -Y sign -n git` to sign, `ssh-keygen -Y verify` to check. It is the one outside
/// program the tool runs.
public struct SSHKeygen: Equatable, Sendable {
  /// The program: git's `gpg.ssh.program`, else `ssh-keygen` found on `PATH`.
  public let program: String

  public init(program: String = "ssh-keygen") {
    self.program = program
  }

  /// Signs `content` for namespace `git` with `key`, returning the armored signature.
  func sign(_ content: String, with key: SigningKeyReference) throws(SigningProblem) -> String {
    try withScratchFolder { (folder) throws(SigningProblem) -> String in
      let data = folder.appendingPathComponent("commit")
      try write(Array(content.utf8), to: data)
      var arguments = ["-Y", "sign", "-n", "git"]
      switch key {
      case .file(let path):
        arguments += ["-f", path]
      case .literal(let text):
        // A public key written out, whose private half the agent holds (`-U`), as git does.
        let keyFile = folder.appendingPathComponent("key.pub")
        try write(Array((text + "\n").utf8), to: keyFile)
        arguments += ["-f", keyFile.path, "-U"]
      }
      let result = try run(arguments + [data.path], input: nil)
      guard result.status == 0, let signature = FileManager.default.contents(atPath: data.path + ".sig") else {
        throw .signerFailed(program: program, reason: result.errorText)
      }
      return String(decoding: signature, as: UTF8.self)
    }
  }

  /// Whether `signature` (read from `armored`) is a valid `git` signature of `data` by the key
  /// it names, as `ssh-keygen -Y verify` judges it with an allowed-signers file holding only
  /// that key.
  func verifies(_ signature: SSHSignature, armored: String, of data: [UInt8]) throws(SigningProblem) -> Bool {
    // Ed25519, the key type ssh-keygen makes by default, is verified without a process.
    if let verdict = signature.verifiesNatively(data) { return verdict }
    return try verifiesWithProgram(armored, of: data, by: signature.key)
  }

  /// `verifies`, always by running `ssh-keygen -Y verify`.
  func verifiesWithProgram(_ signature: String, of data: [UInt8], by key: SSHPublicKey) throws(SigningProblem) -> Bool {
    try withScratchFolder { (folder) throws(SigningProblem) -> Bool in
      let allowed = folder.appendingPathComponent("allowed_signers")
      let signatureFile = folder.appendingPathComponent("commit.sig")
      let dataFile = folder.appendingPathComponent("commit")
      try write(Array("signer namespaces=\"git\" \(key.openSSHText)\n".utf8), to: allowed)
      try write(Array(signature.utf8), to: signatureFile)
      try write(data, to: dataFile)
      let arguments = ["-Y", "verify", "-f", allowed.path, "-I", "signer", "-n", "git", "-s", signatureFile.path]
      return try run(arguments, input: dataFile).status == 0
    }
  }

  // MARK: - Running the program

  private struct Outcome {
    let status: Int32
    let errorText: String
  }

  private func run(_ arguments: [String], input: URL?) throws(SigningProblem) -> Outcome {
    guard let executable = SSHKeygen.locate(program) else { throw .programMissing(program: program) }
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    do {
      process.standardInput = try input.map { try FileHandle(forReadingFrom: $0) } ?? FileHandle.nullDevice
      try process.run()
    } catch {
      throw .signerFailed(program: program, reason: error.localizedDescription)
    }
    let text = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let lines = String(decoding: text, as: UTF8.self).split(whereSeparator: \.isNewline)
    return Outcome(status: process.terminationStatus, errorText: lines.suffix(3).joined(separator: "; "))
  }

  /// The program's path: itself when it names a path, else the first match on `PATH`.
  static func locate(_ program: String) -> URL? {
    let manager = FileManager.default
    if program.contains("/") { return manager.isExecutableFile(atPath: program) ? URL(fileURLWithPath: program) : nil }
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") where !folder.isEmpty {
      let candidate = String(folder) + "/" + program
      if manager.isExecutableFile(atPath: candidate) { return URL(fileURLWithPath: candidate) }
    }
    return nil
  }

  private func withScratchFolder<Result>(_ body: (URL) throws(SigningProblem) -> Result) throws(SigningProblem) -> Result {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("adminledger-ssh-" + UUID().uuidString)
    do {
      try FileManager.default.createDirectory(
        at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
    } catch {
      throw .signerFailed(program: program, reason: tr("cannot make a scratch folder: \(error.localizedDescription)"))
    }
    defer { try? FileManager.default.removeItem(at: folder) }
    return try body(folder)
  }

  private func write(_ bytes: [UInt8], to file: URL) throws(SigningProblem) {
    guard FileManager.default.createFile(atPath: file.path, contents: Data(bytes), attributes: [.posixPermissions: 0o600]) else {
      throw .signerFailed(program: program, reason: tr("cannot write \(file.path)"))
    }
  }
}

/// The key a signer signs with, as git's `user.signingkey` names it.
public enum SigningKeyReference: Equatable, Sendable {
  /// A private key file (or a public key file whose private half the agent holds).
  case file(String)
  /// A public key written in the setting (`key::ssh-ed25519 AAAA…`): the agent signs.
  case literal(String)

  /// Reads `user.signingkey` as git does: `key::` or `ssh-` starts a literal key; anything else
  /// is a path, `~/` meaning the home folder.
  public init(setting: String, home: String) {
    if setting.hasPrefix("key::") {
      self = .literal(String(setting.dropFirst(5)))
    } else if setting.hasPrefix("ssh-") || setting.hasPrefix("ecdsa-") || setting.hasPrefix("sk-") {
      self = .literal(setting)
    } else if setting.hasPrefix("~/") {
      self = .file(home + "/" + setting.dropFirst(2))
    } else {
      self = .file(setting)
    }
  }
}

/// Why a commit could not be signed or a signature checked.
public enum SigningProblem: Error, Equatable, Sendable {
  /// The ledger requires signed commits and git's configuration names no SSH signing key.
  case noKeyConfigured(requiredFrom: String)
  /// The signing program is not installed.
  case programMissing(program: String)
  /// The program failed; `reason` is its last lines of error output.
  case signerFailed(program: String, reason: String)
}
