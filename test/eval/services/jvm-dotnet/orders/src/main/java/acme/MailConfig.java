package acme;

import java.util.Properties;

public class MailConfig {
    public static Properties props() {
        Properties props = new Properties();
        props.put("mail.smtp.host", "smtp.office365.com");
        props.put("mail.smtp.port", "587");
        props.put("mail.smtp.starttls.enable", "true");
        return props;
    }
}
