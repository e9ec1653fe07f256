package reportingest.layout.ocr.real;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** ICDAR 2019 cTDaR structure truth: table regions and their cells' boxes, in image pixels. */
public record CtdarTruth(List<Table> tables) {
    public record Box(int x0, int y0, int x1, int y1) {
        boolean overlaps(double ax0, double ay0, double ax1, double ay1) {
            return ax0 < x1 && ax1 > x0 && ay0 < y1 && ay1 > y0;
        }
    }

    public record Table(Box region, List<Box> cells) {}

    public static CtdarTruth read(Path xml) throws Exception {
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        NodeList tableNodes = doc.getElementsByTagName("table");
        List<Table> tables = new ArrayList<>();
        for (int i = 0; i < tableNodes.getLength(); i++) {
            Element t = (Element) tableNodes.item(i);
            Box region = null;
            List<Box> cells = new ArrayList<>();
            for (var n = t.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (!(n instanceof Element e)) continue;
                if (e.getTagName().equals("Coords")) region = box(e);
                if (e.getTagName().equals("cell")) cells.add(box((Element) e.getElementsByTagName("Coords").item(0)));
            }
            tables.add(new Table(region, cells));
        }
        return new CtdarTruth(tables);
    }

    private static Box box(Element coords) {
        int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = Integer.MIN_VALUE, y1 = Integer.MIN_VALUE;
        for (String pt : coords.getAttribute("points").trim().split("\\s+")) {
            String[] xy = pt.split(",");
            int x = Integer.parseInt(xy[0]), y = Integer.parseInt(xy[1]);
            x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y);
        }
        return new Box(x0, y0, x1, y1);
    }
}
