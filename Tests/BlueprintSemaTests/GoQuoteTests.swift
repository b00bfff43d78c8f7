// GoQuote's byte-wise ASCII path against its scalar loop, the reference that
// the runtime's differential tests hold to Go's strconv.Quote.

import TestSupport
import Testing

@testable import BlueprintSema

struct GoQuoteTests {
    @Test func everyASCIIByteQuotesLikeTheScalarLoop() {
        for byte in UInt8(0)..<0x80 {
            let text = "a" + String(UnicodeScalar(byte)) + "b"
            #expect(GoQuote.quoteASCII(text) == GoQuote.quoteScalars(text), "byte \(byte)")
        }
        #expect(GoQuote.quote("") == "\"\"")
        #expect(GoQuote.quote("say \"hi\"\\\n\u{7F}\u{1}") == #""say \"hi\"\\\n\x7f\x01""#)
    }

    @Test func randomASCIITextQuotesLikeTheScalarLoop() {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<2000 {
            let count = Int(generator.next() % 40)
            let text = String(decoding: (0..<count).map { _ in UInt8(generator.next() % 0x80) }, as: UTF8.self)
            #expect(GoQuote.quoteASCII(text) == GoQuote.quoteScalars(text))
        }
    }

    @Test func textPastASCIIIsLeftToTheScalarLoop() {
        #expect(GoQuote.quoteASCII("é") == nil)
        #expect(GoQuote.quote("é\u{200B}") == #""é\u200b""#)
    }
}
