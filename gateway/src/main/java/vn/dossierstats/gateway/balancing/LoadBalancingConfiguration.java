package vn.dossierstats.gateway.balancing;

import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code lb://dossier-service}, {@code lb://metrics-service} and {@code lb://ranking-service} routes: Spring Cloud
 * LoadBalancer's round robin over the instances listed in {@code gateway.services.*} ({@link ConfiguredInstances}, one
 * child context per service, as LoadBalancer builds them).
 */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = ConfiguredInstances.class)
class LoadBalancingConfiguration {}
