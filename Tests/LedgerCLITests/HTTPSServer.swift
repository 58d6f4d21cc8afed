import Foundation
import LedgerTestSupport

/// git's smart HTTP (`git http-backend`, as CGI) behind Debian's lighttpd on 127.0.0.1 and a free
/// port, over TLS with a self-signed certificate made by `openssl req -x509`, and basic
/// authentication against an htpasswd file holding one user and its token. lighttpd runs one
/// process with its configuration in `folder`, unprivileged or as root alike; git http-backend
/// serves the repositories under `root` at `/git/NAME` and lets the authenticated user push.
final class HTTPSServer {
  static let program = "/usr/sbin/lighttpd"
  static let backend = "/usr/lib/git-core/git-http-backend"
  static var isInstalled: Bool {
    ServerProcess.installed(program) && ServerProcess.installed(backend) && ServerProcess.installed("openssl")
      && FileManager.default.fileExists(atPath: "/usr/lib/lighttpd/mod_openssl.so")
  }

  static let user = "ledger-admin"
  static let token = "glpat-7Hq2xVd9Lk3mWp8Rt5Zy"

  let port: Int
  /// The server's certificate, its own authority: what a client must trust.
  let certificate: URL
  private let process: ServerProcess

  /// - Parameter expired: serve a certificate whose validity ended yesterday.
  init(in folder: URL, serving root: URL, expired: Bool = false) throws {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    certificate = folder.appendingPathComponent("cert.pem")
    let key = folder.appendingPathComponent("key.pem")
    try HTTPSServer.makeCertificate(certificate, key: key, expired: expired, in: folder)
    let hash = try ServerProcess.run("openssl", ["passwd", "-apr1", HTTPSServer.token]).trimmingCharacters(
      in: .whitespacesAndNewlines)
    let htpasswd = folder.appendingPathComponent("htpasswd")
    try "\(HTTPSServer.user):\(hash)\n".write(to: htpasswd, atomically: true, encoding: .utf8)
    (port, process) = try ServerProcess.onFreePort { [certificate] port in
      // No server.errorlog: lighttpd then logs to its standard error, the process's log.
      let config = """
        server.document-root = "\(folder.path)"
        server.bind = "127.0.0.1"
        server.port = \(port)
        server.pid-file = "\(folder.appendingPathComponent("lighttpd.pid").path)"
        server.modules = ("mod_auth", "mod_authn_file", "mod_alias", "mod_cgi", "mod_setenv", "mod_openssl")
        ssl.engine = "enable"
        ssl.pemfile = "\(certificate.path)"
        ssl.privkey = "\(key.path)"
        alias.url = ("/git" => "\(HTTPSServer.backend)")
        $HTTP["url"] =~ "^/git" {
          cgi.assign = ("" => "")
          setenv.add-environment = ("GIT_PROJECT_ROOT" => "\(root.path)", "GIT_HTTP_EXPORT_ALL" => "", "PATH" => "/usr/local/bin:/usr/bin:/bin")
        }
        auth.backend = "htpasswd"
        auth.backend.htpasswd.userfile = "\(htpasswd.path)"
        auth.require = ("/git" => ("method" => "basic", "realm" => "ledger", "require" => "valid-user"))

        """
      let configFile = folder.appendingPathComponent("lighttpd.conf")
      try config.write(to: configFile, atomically: true, encoding: .utf8)
      let process = try ServerProcess(
        "lighttpd", HTTPSServer.program, ["-D", "-f", configFile.path],
        environment: ["PATH": "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin"], log: folder.appendingPathComponent("lighttpd.log"))
      try process.wait(until: "started") { process.output.contains("server started") }
      return (port, process)
    }
  }

  /// The https URL of repository `name` under the served root.
  func url(_ name: String) -> String { "https://127.0.0.1:\(port)/git/\(name)" }

  /// What the server logged.
  var log: String { process.output }

  /// Ends the server (deinit does too; a `defer` keeps the server alive until then).
  func stop() { process.stop() }

  /// `git push` with the real git program to `url`, with the token in the URL and this
  /// server's certificate trusted.
  func gitPush(_ name: String, _ refspec: String, in clone: URL) throws -> ExternalProgram.Outcome {
    let url = "https://\(HTTPSServer.user):\(HTTPSServer.token)@127.0.0.1:\(port)/git/\(name)"
    return try ExternalProgram.run(
      URL(fileURLWithPath: "/usr/bin/env"), ["git", "push", url, refspec], in: clone,
      environment: ["GIT_SSL_CAINFO": certificate.path])
  }

  /// A self-signed certificate for 127.0.0.1 (named as a host name too: mbedTLS, libgit2's TLS
  /// here, matches names, not IP addresses), valid two days, or expired since yesterday.
  private static func makeCertificate(_ certificate: URL, key: URL, expired: Bool, in folder: URL) throws {
    let subject = ["-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=DNS:127.0.0.1,IP:127.0.0.1"]
    let newKey = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key.path]
    guard expired else {
      try ServerProcess.run("openssl", ["req", "-x509"] + newKey + ["-out", certificate.path, "-days", "2"] + subject)
      return
    }
    // `req -x509` cannot date a certificate in the past; `x509 -req -days -1` ends it yesterday.
    let request = folder.appendingPathComponent("request.csr")
    try ServerProcess.run("openssl", ["req", "-new"] + newKey + ["-out", request.path] + subject)
    try ServerProcess.run(
      "openssl",
      [
        "x509", "-req", "-in", request.path, "-signkey", key.path, "-out", certificate.path, "-days", "-1",
      ])
  }
}
