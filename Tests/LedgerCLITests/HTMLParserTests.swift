import Foundation
import LedgerTestSupport
import Testing

/// A page whose `<body>` holds `body`; the body's first line is line 5 of the page.
private func page(_ body: String, html: String = #"<html lang="en">"#) -> String {
  """
  <!DOCTYPE html>
  \(html)
  <head><meta charset="utf-8"><title>Ledger</title></head>
  <body>
  \(body)
  </body>
  </html>

  """
}

/// One page the parser must refuse, where, and words its message must hold.
struct BadPage: CustomTestStringConvertible, Sendable {
  let name: String
  let text: String
  let line: Int
  let message: String
  var testDescription: String { name }
}

/// One fragment of text and what it must decode to.
struct EncodedText: CustomTestStringConvertible, Sendable {
  let written: String
  let decoded: String
  var testDescription: String { written }
}

/// One page with one validation problem, and the problem it must report.
struct FlawedPage: CustomTestStringConvertible, Sendable {
  let name: String
  let text: String
  let problems: [String]
  var testDescription: String { name }
}

@Suite struct HTMLParserTests {
  static let realisticPage = #"""
    <!doctype html>
    <html lang="en">
    <head>
      <meta charset="utf-8">
      <title>People &mdash; Ledger</title>
      <style>
        td > a { color: #036; }
        th::after { content: "<"; }
      </style>
    </head>
    <body>
      <nav><a href="index.html">Home</a> &middot; <a href='people.html' class=current>People</a></nav>
      <main id="main">
        <h1>People</h1>
        <table>
          <thead><tr><th scope="col">Name</th><th>Paid until</th></tr></thead>
          <tbody>
            <tr id="hugo"><td><a href="people/hugo.html?tab=a&amp;b=1">Hugo &amp; Co</a></td><td>2026-12-31</td></tr>
            <tr id="lea"><td>Léa</td><td>&ndash;</td></tr>
          </tbody>
        </table>
        <form action="search.html"><input type="search" name="q" required><br/><hr></form>
        <svg viewBox="0 0 100 40" role="img" aria-labelledby="chart-title">
          <title id="chart-title">Payments per year</title>
          <g class="bars">
            <rect x="0" y="10" width="20" height="30"><title>2024: 3</title></rect>
            <rect x="30" y="0" width="20" height="40"/>
            <text x="30" y="38">2025</text>
          </g>
        </svg>
        <!-- generated, do not edit -->
      </main>
      <script>
        if (a < b && c) { document.title = "</p>"; }
      </script>
    </body>
    </html>
    """#

  @Test func aRealisticPageParsesIntoItsTree() throws {
    let document = try HTMLDocument.parse(Self.realisticPage)
    #expect(document.doctype == "<!doctype html>")
    #expect(document.root.name == "html")
    #expect(document.root.attribute("lang") == "en")
    #expect(document.root.childElements.map(\.name) == ["head", "body"])
    #expect(document.first(named: "title")?.text == "People \u{2014} Ledger")

    let style = try #require(document.first(named: "style"))
    #expect(style.children.count == 1)
    #expect(style.children.first?.value.contains(#"content: "<";"#) == true)
    #expect(try #require(document.first(named: "head")).normalizedText == "People \u{2014} Ledger")

    let nav = try #require(document.first(named: "nav"))
    #expect(nav.elements(named: "a").map { $0.attribute("href") } == ["index.html", "people.html"])
    #expect(nav.elements(named: "a").last?.attribute("class") == "current")
    #expect(nav.text == "Home \u{00B7} People")
  }

  @Test func aRealisticPageKeepsTablesFormsAndSVG() throws {
    let document = try HTMLDocument.parse(Self.realisticPage)
    let table = try #require(document.first(named: "table"))
    #expect(table.elements(named: "th").map(\.text) == ["Name", "Paid until"])
    #expect(table.first(named: "tbody")?.elements(named: "tr").count == 2)
    let hugo = try #require(document.element(id: "hugo"))
    #expect(hugo.line == 18)
    #expect(hugo.first(named: "a")?.attribute("href") == "people/hugo.html?tab=a&b=1")
    #expect(hugo.normalizedText == "Hugo & Co2026-12-31")
    #expect(document.element(id: "lea")?.elements(named: "td").map(\.text) == ["Léa", "\u{2013}"])

    let input = try #require(document.first(named: "input"))
    #expect(input.attributes.map(\.name) == ["type", "name", "required"])
    #expect(input.attribute("required") == "")
    #expect(input.attribute("placeholder") == nil)
    #expect(document.first(named: "form")?.childElements.map(\.name) == ["input", "br", "hr"])

    let svg = try #require(document.first(named: "svg"))
    #expect(svg.attribute("viewBox") == "0 0 100 40")
    #expect(svg.elements(named: "rect").count == 2)
    #expect(svg.elements(named: "rect").last?.children.isEmpty == true)
    #expect(svg.elements(named: "title").map(\.text) == ["Payments per year", "2024: 3"])
    #expect(svg.first(named: "text")?.text == "2025")
    #expect(svg.first(named: "g")?.childElements.map(\.name) == ["rect", "rect", "text"])
  }

  @Test func scriptAndStyleAreRawTextLeftOutOfText() throws {
    let document = try HTMLDocument.parse(Self.realisticPage)
    let script = try #require(document.first(named: "script"))
    #expect(script.children.map(\.kind) == [.text])
    #expect(
      script.children.first?.value.contains(#"if (a < b && c) { document.title = "</p>"; }"#)
        == true)
    let body = try #require(document.first(named: "body"))
    #expect(!body.text.contains("document.title"))
    #expect(!body.text.contains("generated"))
    #expect(
      body.descendants.contains { $0.kind == .comment && $0.value == " generated, do not edit " })
    #expect(document.validationProblems() == [])
  }

  // MARK: - Character references

  static let references: [EncodedText] = [
    EncodedText(written: "a &amp; b", decoded: "a & b"),
    EncodedText(written: "&lt;p&gt; &quot;x&quot; &apos;y&#39;", decoded: "<p> \"x\" 'y'"),
    EncodedText(written: "12&nbsp;000", decoded: "12\u{00A0}000"),
    EncodedText(
      written: "&copy; &mdash; &ndash; &hellip;", decoded: "\u{00A9} \u{2014} \u{2013} \u{2026}"),
    EncodedText(written: "&larr; &middot; &rarr;", decoded: "\u{2190} \u{00B7} \u{2192}"),
    EncodedText(written: "&#233;&#x2192;&#X41;&#0065;", decoded: "\u{00E9}\u{2192}AA"),
    EncodedText(written: "&#x1F600;", decoded: "\u{1F600}"),
    EncodedText(written: "5 & 6 &, &", decoded: "5 & 6 &, &"),
  ]

  @Test(arguments: references)
  func characterReferencesAreDecoded(_ sample: EncodedText) throws {
    let document = try HTMLDocument.parse(
      page("<p title=\"\(sample.written)\">\(sample.written)</p>"))
    let paragraph = try #require(document.first(named: "p"))
    #expect(paragraph.text == sample.decoded)
    #expect(paragraph.attribute("title") == sample.decoded)
  }

  // MARK: - Errors

  static let badPages: [BadPage] = [
    BadPage(
      name: "mismatched end tag", text: page("<section>\n<div>\n</section>"), line: 7,
      message: "end tag </section> does not match <div> opened on line 6"),
    BadPage(
      name: "unclosed element at the end",
      text: "<!DOCTYPE html>\n<html lang=\"en\">\n<body>\n<p>x",
      line: 4, message: "<p> is never closed: the page ends before </p>"),
    BadPage(
      name: "unclosed script", text: "<!DOCTYPE html>\n<html>\n<script>if (a < b) {}\n",
      line: 3, message: "<script> is never closed"),
    BadPage(
      name: "duplicate attribute",
      text: page(#"<a href="a.html"\#n   class="x" HREF="b.html">b</a>"#),
      line: 6, message: "duplicate attribute 'href' on <a>"),
    BadPage(
      name: "raw < in text", text: page("<p>\n1 < 2</p>"), line: 6,
      message: "a '<' that starts no tag must be written &lt;"),
    BadPage(
      name: "raw </ in text", text: page("<p>a </ b</p>"), line: 5,
      message: "a '<' that starts no tag must be written &lt;"),
    BadPage(
      name: "unknown entity", text: page("<p>\n&bogus;</p>"), line: 6,
      message: "unknown character reference &bogus;"),
    BadPage(
      name: "reference without semicolon", text: page("<p>&copy 2026</p>"), line: 5,
      message: "'&copy' must end with ';'"),
    BadPage(
      name: "unknown entity in an attribute", text: page(#"<a href="?a=1&b=2">x</a>"#), line: 5,
      message: "'&b' must end with ';'"),
    BadPage(
      name: "NUL reference", text: page("<p>&#0;</p>"), line: 5,
      message: "&#0; is not a character HTML allows"),
    BadPage(
      name: "missing doctype", text: "<html lang=\"en\">\n</html>\n", line: 1,
      message: "expected <!DOCTYPE html> at the start of the page"),
    BadPage(
      name: "legacy doctype",
      text: "<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01//EN\">\n<html></html>",
      line: 1, message: "HTML5 has no public or system identifiers"),
    BadPage(
      name: "byte order mark", text: "\u{FEFF}<!DOCTYPE html>\n<html></html>", line: 1,
      message: "byte order mark"),
    BadPage(
      name: "root is not html", text: "<!DOCTYPE html>\n<body></body>", line: 2,
      message: "the root element must be <html>, found <body>"),
    BadPage(
      name: "content after html", text: "<!DOCTYPE html>\n<html></html>\n<p>x</p>", line: 3,
      message: "only whitespace and comments may follow </html>"),
    BadPage(
      name: "end tag of a void element", text: page("<p>a<br></br></p>"), line: 5,
      message: "<br> is a void element and takes no end tag </br>"),
    BadPage(
      name: "self-closing div", text: page("<div/>"), line: 5,
      message: "<div/> does not close itself in HTML"),
    BadPage(
      name: "stray end tag", text: page("</div>"), line: 5,
      message: "end tag </div> does not match <body> opened on line 4"),
    BadPage(
      name: "block inside a paragraph", text: page("<p>\n<span><div>x</div></span></p>"), line: 6,
      message: "<div> cannot go inside <p> opened on line 5"),
    BadPage(
      name: "attributes run together", text: page(#"<a href="x"class="y">x</a>"#), line: 5,
      message: "attributes of <a> must be separated by whitespace"),
    BadPage(
      name: "unclosed attribute value", text: page(#"<a href="x>x</a>"#), line: 5,
      message: "the value of 'href' on <a> never ends"),
    BadPage(
      name: "unclosed comment", text: page("<!-- x"), line: 5,
      message: "the comment never ends with '-->'"),
  ]

  @Test(arguments: badPages)
  func malformedPagesAreRefusedWithTheirLine(_ bad: BadPage) {
    let error = #expect(throws: HTMLParseError.self) { try HTMLDocument.parse(bad.text) }
    #expect(error?.line == bad.line)
    #expect(error?.message.contains(bad.message) == true, "\(String(describing: error))")
  }

  @Test func anErrorNamesLineAndColumn() {
    #expect(
      throws: HTMLParseError(
        line: 6, column: 5,
        message: "end tag </section> does not match <div> opened on line 5")
    ) {
      try HTMLDocument.parse(page("<div>\n  x </section>"))
    }
    let error = HTMLParseError(line: 6, column: 6, message: "m")
    #expect(error.description == "6:6: m")
  }

  // MARK: - Validation

  static let flawedPages: [FlawedPage] = [
    FlawedPage(
      name: "duplicate id", text: page("<div id=\"a\"></div>\n<p id=\"a\"></p>"),
      problems: [#"line 6: duplicate id "a" (first on line 5)"#]),
    FlawedPage(
      name: "html without lang", text: page("", html: "<html>"),
      problems: ["line 2: <html> has no lang attribute"]),
    FlawedPage(
      name: "html with empty lang", text: page("", html: #"<html lang="">"#),
      problems: ["line 2: <html> has no lang attribute"]),
    FlawedPage(
      name: "no charset",
      text: page("").replacingOccurrences(of: #"<meta charset="utf-8">"#, with: ""),
      problems: [#"line 3: <head> has no <meta charset="utf-8">"#]),
    FlawedPage(
      name: "another charset",
      text: page("").replacingOccurrences(of: #"charset="utf-8""#, with: "charset=latin1"),
      problems: [#"line 3: <head> has no <meta charset="utf-8">"#]),
    FlawedPage(
      name: "table without th", text: page("<table><tr><td>1</td></tr></table>"),
      problems: ["line 5: <table> has no <th> header cell"]),
    FlawedPage(
      name: "img without alt", text: page(#"<img src="logo.png">"#),
      problems: [#"line 5: <img src="logo.png"> has no alt attribute"#]),
    FlawedPage(
      name: "th without text", text: page("<table><tr><th> </th><th>Sum</th></tr></table>"),
      problems: ["line 5: <th> has no text"]),
    FlawedPage(
      name: "several, in line order",
      text: page(
        "<img src=\"a.png\" id=\"x\">\n<table id=\"x\"><tr><td></td></tr></table>", html: "<html>"),
      problems: [
        "line 2: <html> has no lang attribute",
        #"line 5: <img src="a.png"> has no alt attribute"#,
        #"line 6: duplicate id "x" (first on line 5)"#,
        "line 6: <table> has no <th> header cell",
      ]),
  ]

  @Test(arguments: flawedPages)
  func validationFindsEachProblem(_ flawed: FlawedPage) throws {
    let document = try HTMLDocument.parse(flawed.text)
    #expect(document.validationProblems() == flawed.problems)
  }

  @Test func aDecorativeImageAndAnUppercaseCharsetPass() throws {
    let text = page(#"<img src="rule.png" alt="">"#)
      .replacingOccurrences(of: #"charset="utf-8""#, with: "charset=UTF-8")
    #expect(try HTMLDocument.parse(text).validationProblems() == [])
  }
}
