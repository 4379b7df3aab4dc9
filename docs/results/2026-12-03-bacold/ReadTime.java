import java.nio.file.Path;
import org.gn4j.gn.ba.*;
public class ReadTime {
    public static void main(String[] a) {
        long t = System.nanoTime();
        BalProblem p = BalFormat.read(Path.of(a[0]));
        System.out.printf("%s read %.0f ms%n", a[0], (System.nanoTime() - t) / 1e6);
    }
}
