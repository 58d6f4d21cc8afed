import LedgerJSON
import Testing

@testable import LedgerSchema

/// The `uri` format against RFC 3986's grammar (appendix A), case by case.
@Suite struct URIFormatTests {
  /// Valid URIs: the examples of §1.1.2, every IPv6 form, IPvFuture, empty parts, escapes.
  static let valid: [String] = [
    // §1.1.2
    "ftp://ftp.is.co.za/rfc/rfc1808.txt", "http://www.ietf.org/rfc/rfc2396.txt",
    "ldap://[2001:db8::7]/c=GB?objectClass?one", "mailto:John.Doe@example.com",
    "news:comp.infosystems.www.servers.unix", "tel:+1-816-555-1212", "telnet://192.0.2.16:80/",
    "urn:oasis:names:specification:docbook:dtd:xml:4.1.2",
    // §3: the two examples' shapes
    "foo://example.com:8042/over/there?name=ferret#nose", "urn:example:animal:ferret:nose",
    // IPv6address, its nine forms
    "http://[1:2:3:4:5:6:7:8]/", "http://[1:2:3:4:5:6:1.2.3.4]/", "http://[::2:3:4:5:6:7:8]/",
    "http://[::3:4:5:6:7:1.2.3.4]/", "http://[1::3:4:5:6:7:8]/", "http://[1:2::4:5:6:7:8]/",
    "http://[1:2:3:4:5::1.2.3.4]/", "http://[1:2:3:4:5:6::8]/", "http://[1:2:3:4:5:6:7::]/",
    "http://[::]/", "http://[::1]/", "http://[1::]/", "http://[::ffff:192.0.2.128]/", "http://[::1.2.3.4]/",
    "http://[FEDC:BA98:7654:3210:FEDC:BA98:7654:3210]:80/index.html", "http://[0:0:0:0:0:0:0:0]",
    // IPvFuture
    "http://[v7.fe]/", "http://[V1A.a:b!$]/",
    // authority: userinfo, empty port, empty host, IPv4 as reg-name
    "http://user:pa;ss=w@host/", "http://h:/", "http://h:8080", "file:///etc/hosts", "http://",
    "http://01.2.3.4/", "http://-.~_!$&'()*+,;=:%40:80%2f::::::@example.com",
    // paths, query, fragment
    "a:", "a:b", "a:/b//c", "s+v-x.1:rest", "http://h/a:b@c/;p=1", "http://h?/?q=@:", "http://h#/?f",
    "http://h/%7Euser/%c3%a9", "mailto:%22a%22@b", "http://h/?#",
  ]

  /// Invalid URIs, each refused by one rule of the grammar.
  static let invalid: [String] = [
    // userinfo
    "http://us[er@host/", "http://us^er@host/", "http://us er@host/", "http://a@b@host/",
    // port
    "http://host:80a/", "http://host:-1/", "http://[::1]x/", "http://[::1]:8o/",
    // brackets outside an IP literal
    "http://host/pa[th]", "http://ho[st]/", "http://h/?q=[1]", "http://h/#[f]", "mailto:a[b]",
    // malformed IP literals
    "http://[::1", "http://::1]/", "http://[1.2.3.4]/", "http://[::ffff:01.2.3.4]/", "http://[::256.2.3.4]/",
    "http://[::1.2.3]/", "http://[1:2:3:4:5:6:7:8:9]/", "http://[1:2:3:4:5:6:7]/", "http://[1::2:3:4:5:6:7:8]/",
    "http://[1:2:3:4:5:6:7:1.2.3.4]/", "http://[1::2::3]/", "http://[:::]/", "http://[12345::]/",
    "http://[::g]/", "http://[1.2.3.4::]/", "http://[fe80::1%25eth0]/", "http://[]/", "http://[v.x]/",
    "http://[v7.]/", "http://[vz.x]/",
    // percent-encoding
    "http://h/%", "http://h/%4", "http://h/%zz", "http://%G0/", "http://h/?%x1",
    // scheme
    "//host/path", "/abc", "abc", ":no-scheme", "1http://h/", "ht~tp://h/", "bar,baz:foo",
    // characters never allowed
    "http://h/a\\b", "\\\\WINDOWS\\fileshare", "http://h/a b", "http://h/é", "http://h/<>", "http://h/a|b",
    "http://h/#a#b", "http:// shouldfail.com",
  ]

  @Test(arguments: valid)
  func validURIsAreAccepted(_ text: String) throws {
    #expect(try URIFormatTests.verdict("uri", text) == true)
    #expect(RFC3986.isURIReference(text))
  }

  @Test(arguments: invalid)
  func invalidURIsAreRefused(_ text: String) throws {
    #expect(try URIFormatTests.verdict("uri", text) == false)
  }

  /// `URI-reference = URI / relative-ref`; the relative part shares every rule above.
  @Test(arguments: [
    ("//host/path", true), ("/abc", true), ("abc", true), ("", true), ("#fragment", true), ("?q", true),
    ("./a:b", true), ("a/b:c", true), ("//[::1]:80", true), ("../../x?y#z", true),
    ("a:b", true), ("1a:b", false), ("#frag\\ment", false), ("//us^er@h/", false), ("//h:80a", false),
    ("//[::ffff:01.2.3.4]", false), ("/pa[th]", false), ("%4", false), ("\\\\WINDOWS\\fileshare", false),
  ])
  func uriReferencesFollowTheSameGrammar(_ text: String, _ valid: Bool) {
    #expect(RFC3986.isURIReference(text) == valid)
  }

  /// The message a refused URI gets, through the validator.
  @Test func refusedURIsAreReportedAsFormatErrors() throws {
    let schema = try SchemaRegistry.standard().register(
      try JSONParser.parse(#"{"format": "uri"}"#), uri: "https://test.example/uri-message")
    let result = schema.validate(.string("http://host:80a/"))
    #expect(result.errors.map(\.keyword) == ["format"])
    #expect(result.errors.first?.message.contains("an absolute URI such as https://example.org/page") == true)
  }

  /// Whether a schema `{"format": format}` accepts `text`, asked of the validator.
  static func verdict(_ format: String, _ text: String) throws -> Bool {
    let schema = try SchemaRegistry.standard().register(
      .object(["format": .string(format)]), uri: "https://test.example/format-\(format)")
    return schema.validate(.string(text)).isValid
  }
}
