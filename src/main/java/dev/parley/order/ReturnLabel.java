package dev.parley.order;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.Barcode128;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * A return label as a PDF (A6): where to send the parcel (the shop), who sends it (the order's address), the RMA
 * number as text and as a Code 128 barcode, and what is inside. Uses the PDF base fonts, so text outside Latin-1
 * (a Chinese address) is not drawn; the barcode and RMA number, which the warehouse scans, always are.
 */
public final class ReturnLabel {

    private ReturnLabel() {
    }

    /** The label for one return. */
    public static byte[] render(Returns.Stored r, Orders.StoredOrder order, List<Orders.Line> lines, String shopName) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A6, 18, 18, 18, 18);
        PdfWriter writer = PdfWriter.getInstance(doc, out);
        doc.addTitle("Return label " + r.rma());
        doc.addCreator("Parley");
        doc.open();
        Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14);
        Font small = FontFactory.getFont(FontFactory.HELVETICA, 8);
        Font body = FontFactory.getFont(FontFactory.HELVETICA, 9);
        doc.add(new Paragraph((r.kind().equals("exchange") ? "EXCHANGE " : "RETURN ") + r.rma(), title));
        doc.add(new Paragraph("Order " + order.orderNumber(), body));
        doc.add(new Paragraph(" ", small));
        doc.add(new Paragraph("TO: " + shopName + " - Returns", body));
        doc.add(new Paragraph("FROM:", small));
        doc.add(new Paragraph(order.shippingAddress(), body));
        doc.add(new Paragraph(" ", small));
        PdfContentByte cb = writer.getDirectContent();
        Barcode128 code = new Barcode128();
        code.setCode(r.rma());
        Image barcode = code.createImageWithBarcode(cb, null, null);
        barcode.setAlignment(Element.ALIGN_CENTER);
        barcode.scalePercent(140);
        doc.add(barcode);
        doc.add(new Paragraph(" ", small));
        lines.stream().filter(l -> l.sku().equals(r.sku())).forEach(l -> doc.add(new Paragraph(r.quantity() + " x "
                + l.title() + (l.options() == null || l.options().isBlank() ? "" : " (" + l.options() + ")")
                + "  SKU " + l.sku(), body)));
        if (r.exchangeSku() != null) {
            doc.add(new Paragraph("In exchange for SKU " + r.exchangeSku(), body));
        }
        doc.add(new Paragraph("Put this label on the parcel. Quote " + r.rma() + " in any question.", small));
        doc.close();
        return out.toByteArray();
    }
}
