package org.qingnuan.volunteer;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Renders a certificate as a one-page A4 PDF with PDFBox. Chinese text needs a CJK font; a subset of
 * the first one found is embedded, so the PDF reads the same everywhere. Debian: fonts-wqy-microhei.
 */
@Component
class CertificatePdf {

    private static final List<String> DEFAULT_FONTS = List.of(
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");

    private final List<String> fonts;

    CertificatePdf(@Value("${qingnuan.volunteer.certificate-font:}") String configured) {
        this.fonts = configured == null || configured.isBlank() ? DEFAULT_FONTS : List.of(configured);
    }

    /** QR code's side on the page, in points (about 4 cm): a phone reads it from a printout at arm's length. */
    private static final float QR_SIDE = 110;

    /** The lines of the certificate, top to bottom, and the text of the QR code above the verification line. */
    record Content(String title, List<String> body, String verification, String qrText) {
    }

    Optional<byte[]> render(Content content) {
        Optional<File> fontFile = fonts.stream().map(File::new).filter(File::canRead).findFirst();
        if (fontFile.isEmpty()) {
            return Optional.empty();
        }
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font font = load(doc, fontFile.get());
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            float width = page.getMediaBox().getWidth();
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                s.setLineWidth(3);
                s.addRect(36, 36, width - 72, page.getMediaBox().getHeight() - 72);
                s.stroke();
                centred(s, font, 30, content.title(), width, 700);
                float y = 620;
                for (String line : content.body()) {
                    s.beginText();
                    s.setFont(font, 15);
                    s.newLineAtOffset(90, y);
                    s.showText(line);
                    s.endText();
                    y -= 32;
                }
                if (content.qrText() != null) {
                    // drawn at 4 px a point, so the modules stay sharp when printed
                    PDImageXObject qr = LosslessFactory.createFromImage(doc, CertificateQr.image(content.qrText(), (int) QR_SIDE * 4));
                    s.drawImage(qr, (width - QR_SIDE) / 2, 112, QR_SIDE, QR_SIDE);
                }
                centred(s, font, 11, content.verification(), width, 90);
            }
            doc.save(out);
            return Optional.of(out.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("Could not render the certificate", e);
        }
    }

    private static void centred(PDPageContentStream s, PDType0Font font, float size, String text, float width, float y)
            throws IOException {
        float textWidth = font.getStringWidth(text) / 1000 * size;
        s.beginText();
        s.setFont(font, size);
        s.newLineAtOffset((width - textWidth) / 2, y);
        s.showText(text);
        s.endText();
    }

    private static PDType0Font load(PDDocument doc, File file) throws IOException {
        if (file.getName().endsWith(".ttc")) {
            TrueTypeCollection collection = new TrueTypeCollection(file);
            TrueTypeFont[] first = new TrueTypeFont[1];
            collection.processAllFonts(ttf -> {
                if (first[0] == null) {
                    first[0] = ttf;
                }
            });
            return PDType0Font.load(doc, first[0], true);
        }
        return PDType0Font.load(doc, file);
    }
}
