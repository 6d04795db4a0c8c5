package vn.dossierstats.dossier;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;
import vn.dossierstats.dossier.lifecycle.BaseDue;
import vn.dossierstats.dossier.lifecycle.DossierHistory;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class DossierServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(DossierServiceApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Judging, with the receipts' due instants from the catalogue and the calendar. */
    @Bean
    DossierHistory dossierHistory(DossierProperties properties, BaseDue baseDue) {
        return new DossierHistory(properties.timeZone(), properties.maxSupplementRequests(), baseDue);
    }
}
