using System.IO;

public class ReportWriter
{
    public void Write(string path, string csv)
    {
        File.WriteAllText(path, csv);
        using var archive = System.IO.Compression.ZipFile.Open("reports.zip", System.IO.Compression.ZipArchiveMode.Update);
    }
}
